package io.cellgate.common;

import java.util.UUID;

/**
 * The request that brought an actor here, as the audit trail records it: what was asked (method, target, action) and
 * where it came from (address, user agent, request id). Values from outside are escaped when the origin is made
 * ({@link UntrustedText#forRecord}), so that any input, hostile or not, can be recorded.
 */
public record Origin(String method, String target, String action, String clientIp, String userAgent,
                     String requestId) {
    /** Work the service does of its own accord, named by what it does. */
    public static Origin system(String action) {
        return new Origin("SYSTEM", "/system/" + action, action, null, null, UUID.randomUUID().toString());
    }
}
