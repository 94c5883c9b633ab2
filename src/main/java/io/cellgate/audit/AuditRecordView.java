package io.cellgate.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditRecord", description = "One mutating request: who, what, when, from where, and the outcome")
public record AuditRecordView(
        @Schema(example = "1042") long id,
        @Schema(description = "The hash chain: the tenant, or * for records of no tenant", example = "acme") String chain,
        @Schema(description = "Position in the chain; null for the second or so until the record is linked",
                example = "311") Long seq,
        Instant at,
        @Schema(example = "acme") String tenantId,
        @Schema(description = "User name or service account", example = "acme-admin") String subject,
        @Schema(example = "[\"tenant-admin\"]") List<String> roles,
        @Schema(description = "The token proved a second factor") boolean mfa,
        @Schema(example = "203.0.113.7") String clientIp,
        @Schema(example = "curl/8.5.0") String userAgent,
        @Schema(example = "5f0c2a0e-1d4b-4c1a-9d8e-2b7c4a1f3e60") String requestId,
        @Schema(description = "The operation (operationId of the contract)", example = "activateSim") String action,
        @Schema(example = "POST") String method,
        @Schema(example = "/api/v1/sims/89490200000000000013/activate") String target,
        @Schema(description = "success, refused (4xx) or failed (5xx)", example = "success") String outcome,
        @Schema(description = "HTTP status of refusals and failures", example = "409") Integer status,
        @Schema(description = "Changed fields: before and after", example = "{\"before\":{\"status\":\"ready\"},"
                + "\"after\":{\"status\":\"active\"}}") JsonObject changes,
        @Schema(description = "SHA-256 of the previous record's hash and this record, hex; null until linked")
        String hash) {
}
