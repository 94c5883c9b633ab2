package io.cellgate.sms;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of a message list. */
public class SmsFilter {
    @QueryParam("status")
    @Size(max = 13)
    @Pattern(regexp = "^(queued|submitted|delivered|undeliverable|expired|rejected|received|blocked)$",
            message = "one of queued, submitted, delivered, undeliverable, expired, rejected, received, blocked")
    @Parameter(description = "Only messages in this status")
    String status;

    @QueryParam("direction")
    @Size(max = 2)
    @Pattern(regexp = "^(mt|mo)$", message = "mt or mo")
    @Parameter(description = "mt: sent to devices; mo: devices' replies")
    String direction;

    String status() {
        return status;
    }

    String direction() {
        return direction;
    }
}
