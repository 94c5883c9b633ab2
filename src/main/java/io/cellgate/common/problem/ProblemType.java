package io.cellgate.common.problem;

import java.net.URI;

/** The stable problem types of the API. Their URIs are part of the published contract. */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
    BAD_REQUEST("bad-request", 400, "Bad request"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NO_TENANT("no-tenant", 403, "Caller is not bound to a provisioned tenant"),
    MFA_REQUIRED("mfa-required", 403, "Multi-factor authentication required"),
    TENANT_SUSPENDED("tenant-suspended", 403, "Tenant is suspended"),
    NOT_FOUND("not-found", 404, "Resource not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    ILLEGAL_TRANSITION("illegal-transition", 409, "Illegal lifecycle transition"),
    SIMS_UNAVAILABLE("sims-unavailable", 409, "SIMs not in the required state"),
    QUOTA_EXCEEDED("quota-exceeded", 409, "Tenant quota exceeded"),
    POOL_EXHAUSTED("pool-exhausted", 409, "IP pool exhausted"),
    ADDRESS_IN_USE("address-in-use", 409, "Address already in use"),
    POOLS_OVERLAP("pools-overlap", 409, "IP pools overlap"),
    NAS_SOURCES_OVERLAP("nas-sources-overlap", 409, "NAS client sources overlap"),
    SIM_NOT_ACTIVE("sim-not-active", 409, "SIM is not active"),
    SMS_MT_DISABLED("sms-mt-disabled", 409, "SMS to the device is disabled by its policy"),
    SMS_LIMIT_REACHED("sms-limit-reached", 409, "Monthly SMS limit reached"),
    SMS_ADDRESS_IN_USE("sms-address-in-use", 409, "SMS address belongs to another tenant"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    URI_TOO_LONG("uri-too-long", 414, "Request line too long"),
    PRECONDITION_REQUIRED("precondition-required", 428, "If-Match required"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
    VALIDATION_FAILED("validation-failed", 422, "Validation failed"),
    IMPORT_REJECTED("import-rejected", 422, "SIM import rejected"),
    SMS_TOO_LONG("sms-too-long", 422, "SMS too long"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    SMS_THROUGHPUT_EXCEEDED("sms-throughput-exceeded", 429, "SMS throughput quota used up"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused with a different request"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    public static final String BASE_URI = "https://cellgate.io/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> RATE_LIMITED;
            case 431 -> HEADERS_TOO_LARGE;
            case 422 -> VALIDATION_FAILED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
