package io.cellgate.identity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one list of calls that need a token proving multi-factor authentication ({@code otp} in the token's
 * {@code amr}). Humans without a second factor and service accounts, which have none, are refused these calls.
 * Bulk actions carry their action in the body; a bulk terminate asks
 * {@link io.cellgate.common.Actor#requireMfa} itself.
 */
public final class MfaPolicy {

    /** A method (or {@code *}) and a path pattern where {@code *} is one path segment and {@code **} the rest. */
    record Rule(String method, String path, Pattern pattern) {
        boolean matches(String requestMethod, String requestPath) {
            return (method.equals("*") || method.equals(requestMethod)) && pattern.matcher(requestPath).matches();
        }
    }

    static final List<Rule> RULES = List.of(
            rule("*", "/api/v1/admin/**"),                        // every carrier-ops call
            rule("POST", "/api/v1/sims/*/terminate"),             // final: the SIM can never come back
            rule("POST", "/api/v1/service-profiles"),             // profiles change thousands of SIMs at once
            rule("PATCH", "/api/v1/service-profiles/*"),
            rule("DELETE", "/api/v1/service-profiles/*"),
            rule("POST", "/api/v1/ip-pools/*/bulk-assignments"),  // pool-wide change
            rule("*", "/api/v1/users/**"),                        // user and credential management
            rule("*", "/api/v1/service-accounts/**"));

    private MfaPolicy() {
    }

    public static boolean requiresMfa(String method, String path) {
        String normalized = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return RULES.stream().anyMatch(rule -> rule.matches(method, normalized));
    }

    private static Rule rule(String method, String path) {
        String regex = path.replace("/**", "\u0000").replace("*", "[^/]+").replace("\u0000", "(/.*)?");
        return new Rule(method, path, Pattern.compile(regex));
    }
}
