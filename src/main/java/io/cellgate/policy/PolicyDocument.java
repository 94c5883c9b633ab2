package io.cellgate.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A connectivity policy. Profiles and SIM overrides hold partial documents (every member optional); the effective
 * policy merges defaults, the profile and the SIM's overrides member by member (objects merge, lists replace). The
 * bounds declared here are the ones {@link PolicyValidator} enforces.
 */
@Schema(name = "Policy", description = "Connectivity policy. In profiles and overrides every member is optional.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(Data data, Sms sms, Voice voice, Limits limits, ImeiLock imeiLock) {
    public static final int MAX_LIST = 100;
    public static final long MAX_LIMIT = 1_000_000_000_000_000L;

    @Schema(name = "DataPolicy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            @Schema(description = "Data sessions allowed", example = "true") Boolean enabled,
            @Schema(description = "Allowed APNs; empty: any APN", example = "[\"iot.cellgate\"]", maxItems = MAX_LIST,
                    type = SchemaType.ARRAY, implementation = Apn.class) List<String> apns,
            @Schema(description = "Cellular firewall: the only destinations a device may reach; empty: any",
                    maxItems = MAX_LIST)
            List<Destination> destinations,
            @Schema(description = "Rate in kbit/s when a data limit with action throttle is reached", example = "64",
                    minimum = "8", maximum = "10000000") Integer throttleKbps) {
    }

    @Schema(name = "Destination")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Destination(
            @Schema(description = "IPv4 or IPv6 network", example = "203.0.113.0/24", maxLength = 49,
                    pattern = "^[0-9A-Fa-f:.]+/[0-9]{1,3}$") String cidr,
            @Schema(description = "Ports or ranges; empty or absent: all ports",
                    example = "[\"443\", \"8883\", \"5683-5684\"]", maxItems = MAX_LIST, type = SchemaType.ARRAY,
                    implementation = Ports.class) List<String> ports) {
    }

    @Schema(name = "SmsPolicy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sms(
            @Schema(description = "Device may send SMS", example = "true") Boolean moEnabled,
            @Schema(description = "Device may receive SMS", example = "true") Boolean mtEnabled,
            @Schema(description = "Block person-to-person SMS: only A2P SMS through the Cellgate API reach the device",
                    example = "true") Boolean p2pBlocked,
            @Schema(description = "When P2P is allowed: the only numbers (E.164 or prefix) or short codes allowed",
                    example = "[\"+4915\", \"77777\"]", maxItems = MAX_LIST, type = SchemaType.ARRAY,
                    implementation = NumberOrShortCode.class) List<String> p2pAllowedNumbers) {
    }

    @Schema(name = "VoicePolicy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Voice(
            @Schema(description = "Voice calls allowed (default: no)", example = "false") Boolean enabled,
            @Schema(description = "The only numbers or E.164 prefixes that may be called or may call; empty: any",
                    example = "[\"+4940123456\"]", maxItems = MAX_LIST, type = SchemaType.ARRAY,
                    implementation = NumberPrefix.class) List<String> allowedNumbers) {
    }

    @Schema(name = "LimitsPolicy", description = "Monthly limits (UTC calendar month); absent: no limit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(UsageLimit dataBytes, UsageLimit smsCount, UsageLimit voiceSeconds) {
    }

    @Schema(name = "UsageLimit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsageLimit(
            @Schema(description = "Units per month (bytes, messages or seconds)", example = "50000000", minimum = "0",
                    maximum = "1000000000000000") Long limit,
            @Schema(description = "What happens at the limit; throttle only for data (default: block)") LimitAction action,
            @Schema(description = "Warning thresholds in percent of the limit", example = "[80, 100]", maxItems = MAX_LIST,
                    type = SchemaType.ARRAY, implementation = Percent.class) List<Integer> warnPercent) {
    }

    public enum LimitAction {
        @JsonProperty("block") BLOCK,
        @JsonProperty("throttle") THROTTLE
    }

    @Schema(name = "ImeiLock")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImeiLock(
            ImeiLockMode mode,
            @Schema(description = "15-digit IMEI (Luhn); only with mode locked. Matching uses the first 14 digits"
                    + " (TAC + serial), so the IMEISV software version does not matter", example = "356938035643809",
                    pattern = "^[0-9]{15}$", maxLength = 15) String imei) {
    }

    @Schema(name = "Apn", type = SchemaType.STRING, pattern = Apn.PATTERN, maxLength = 100,
            example = "iot.cellgate", description = "An access point name: letters, digits, '.' and '-'")
    public interface Apn {
        String PATTERN = "^[A-Za-z0-9]([A-Za-z0-9.-]{0,98}[A-Za-z0-9])?$";
    }

    @Schema(name = "Ports", type = SchemaType.STRING, pattern = PolicyValidator.PORTS_PATTERN, maxLength = 11,
            example = "5683-5684", description = "A port (1-65535) or a range of ports")
    interface Ports {
    }

    @Schema(name = "NumberOrShortCode", type = SchemaType.STRING, pattern = PolicyValidator.NUMBER_OR_SHORT_CODE,
            maxLength = 16, example = "+4915", description = "An E.164 number or prefix, or a short code (3-8 digits)")
    interface NumberOrShortCode {
    }

    @Schema(name = "NumberPrefix", type = SchemaType.STRING, pattern = PolicyValidator.NUMBER_PREFIX, maxLength = 16,
            example = "+4940123456", description = "An E.164 number or prefix")
    interface NumberPrefix {
    }

    @Schema(name = "Percent", type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", example = "80")
    public interface Percent {
    }

    public enum ImeiLockMode {
        @JsonProperty("off") OFF,
        @JsonProperty("locked") LOCKED,
        @JsonProperty("lock_on_first_use") LOCK_ON_FIRST_USE
    }
}
