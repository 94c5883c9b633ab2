package io.cellgate.usage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Usage counted in a period: exact integers (bytes, messages, seconds). */
@Schema(name = "UsageCounters")
public record UsageCounters(
        @Schema(description = "Bytes sent by the device", minimum = "0", maximum = "9223372036854775807", example = "1048576") long dataBytesUp,
        @Schema(description = "Bytes received by the device", minimum = "0", maximum = "9223372036854775807", example = "4194304") long dataBytesDown,
        @Schema(description = "Both directions", minimum = "0", maximum = "9223372036854775807", example = "5242880") long dataBytesTotal,
        @Schema(description = "SMS (parts) sent by the device: taken in by Cellgate's SMPP bind, or counted by online"
                + " charging", minimum = "0",
                maximum = "9223372036854775807")
        long smsMo,
        @Schema(description = "SMS (parts) sent to the device: through the API, or counted by online charging",
                minimum = "0", maximum = "9223372036854775807") long smsMt,
        @Schema(description = "Voice seconds, counted by online charging", minimum = "0",
                maximum = "9223372036854775807")
        long voiceSeconds) {
    static final UsageCounters NONE = new UsageCounters(0, 0, 0, 0, 0, 0);

    static UsageCounters of(long up, long down, long smsMo, long smsMt, long voice) {
        return new UsageCounters(up, down, up + down, smsMo, smsMt, voice);
    }
}
