package io.cellgate.network.charging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Online charging's configuration ({@code cellgate.charging.*}; README, "Configuration"). */
@ConfigMapping(prefix = "cellgate.charging")
public interface ChargingConfig {
    /** How long granted units stay reserved: the validityTime of a grant, by which the function must report. */
    @WithDefault("300s")
    Duration validity();

    /** What is granted when a function asks for units without saying how many: voice seconds. */
    @WithDefault("300")
    long defaultVoiceSeconds();

    /** What is granted when a function asks for units without saying how many: SMS. */
    @WithDefault("1")
    long defaultSms();

    /** What is granted when a function asks for units without saying how many: data bytes. */
    @WithDefault("10485760")
    long defaultDataBytes();

    /** Sessions not updated for this long, with no reservation left, are released (their function went away). */
    @WithDefault("1h")
    Duration idleRelease();

    /** How often sessions idle that long are looked for. */
    @WithDefault("60s")
    Duration upkeepInterval();
}
