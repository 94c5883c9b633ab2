package io.cellgate.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cellgate.common.id.Iccid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message to or from a SIM's device. */
@Schema(name = "Sms")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsView(
        UUID id,
        Iccid iccid,
        @Schema(description = "mt: sent to the device through the API; mo: the device's reply",
                enumeration = {"mt", "mo"}, example = "mt") String direction,
        @Schema(description = "queued, submitted (to the SMSC), then delivered, undeliverable, expired or rejected;"
                + " received or blocked (by the SIM's policy) for replies", example = "delivered",
                enumeration = {"queued", "submitted", "delivered", "undeliverable", "expired", "rejected", "received",
                        "blocked"}) String status,
        SmsEncoding encoding,
        @Schema(minimum = "1", maximum = "255", example = "1") int parts,
        @Schema(description = "The sender: the tenant's address (mt) or the device's MSISDN (mo)", maxLength = 16,
                example = "ACME") String from,
        @Schema(description = "The recipient", maxLength = 16, example = "+4915112345678") String to,
        @Schema(maxLength = 1530) String text,
        @Schema(description = "Octets of a binary message, hex", maxLength = 2680, pattern = SendSmsRequest.HEX)
        String binary,
        @Schema(description = "The user data header of a binary message, hex", maxLength = 280,
                pattern = SendSmsRequest.HEX) String udh,
        @Schema(minimum = "0", maximum = "255", example = "0") int dataCoding,
        @Schema(description = "Why it failed (an SMPP status, a receipt's error, or Cellgate's reason)", maxLength = 64,
                example = "ESME_RINVDSTADR") String error,
        Instant createdAt,
        Instant submittedAt,
        Instant finishedAt,
        @Schema(description = "When the SMSC stops trying (mt)") Instant expiresAt,
        @Schema(description = "Only when one message is read: its parts", maxItems = 255) List<SmsPartView> partDetails,
        @Schema(description = "Only when one message is read: what happened to it, oldest first", maxItems = 1024)
        List<SmsTimelineEntry> timeline) {

    SmsView withDetails(List<SmsPartView> parts, List<SmsTimelineEntry> timeline) {
        return new SmsView(id, iccid, direction, status, encoding, this.parts, from, to, text, binary, udh, dataCoding,
                error, createdAt, submittedAt, finishedAt, expiresAt, parts, timeline);
    }
}
