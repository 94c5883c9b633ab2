package io.cellgate.sms;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An SMS to a SIM's device: a text, or octets (hex) with an optional UDH of the caller's. */
@Schema(name = "SendSmsRequest", description = "Exactly one of text and binary")
public record SendSmsRequest(
        @Size(min = 1, max = 1530)
        @Schema(description = "The text. GSM 7-bit (with its extension table) when every character fits, else UCS-2;"
                + " split into up to 10 concatenated parts (153 septets or 67 UCS-2 units each)",
                example = "Report your position") String text,
        @Schema(description = "The text's encoding: auto (the default: gsm7 when it fits, else ucs2), gsm7 (a character"
                + " that does not fit is refused) or ucs2") TextEncoding encoding,
        @Size(min = 2, max = 2680) @Pattern(regexp = HEX, message = "must be hex octets (an even number of 0-9a-f)")
        @Schema(description = "Octets of a binary message, hex; split into up to 10 parts", example = "0102a0ff")
        String binary,
        @Size(min = 4, max = 280) @Pattern(regexp = HEX, message = "must be hex octets (an even number of 0-9a-f)")
        @Schema(description = "A user data header for a binary message, hex, its length octet first",
                example = "0605040b8423f0") String udh,
        @Min(0) @Max(255)
        @Schema(description = "The data_coding of a binary message (default 4: 8-bit data; 245 (0xF5): class 1 8-bit)",
                minimum = "0", maximum = "255", example = "4") Integer dataCoding,
        @Min(60) @Max(604_800)
        @Schema(description = "How long the SMSC keeps trying to deliver (60 s to 7 days; default "
                + SmsConfig.DEFAULT_VALIDITY + ")", minimum = "60", maximum = "604800", example = "3600")
        Integer validitySeconds,
        @Size(min = 1, max = 16) @Pattern(regexp = ADDRESS, message = "must be a number (3-15 digits, + allowed) or"
                + " up to 11 letters, digits and spaces")
        @Schema(description = "The sender, one of the tenant's SMS addresses (default: its first)", example = "ACME")
        String from) {

    static final String HEX = "^([0-9a-fA-F]{2})+$";
    public static final String ADDRESS = "^(\\+?[0-9]{3,15}|[A-Za-z0-9 ]{1,11})$";

    /** How a text is encoded. */
    public enum TextEncoding {
        @JsonProperty("auto") AUTO,
        @JsonProperty("gsm7") GSM7,
        @JsonProperty("ucs2") UCS2
    }
}
