package io.cellgate.audit;

import io.cellgate.common.id.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One record of the trail. Text that came from outside is stored escaped (control characters as \\uXXXX). */
@Schema(name = "AuditRecord", description = "One mutating or carrier-ops request: who, what, when, from where, and the"
        + " outcome")
public record AuditRecordView(
        @Schema(example = "1042", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(description = "The hash chain: the tenant, or * for records of no tenant", example = "acme",
                pattern = AuditVerification.CHAIN_PATTERN, maxLength = 63) String chain,
        @Schema(description = "Position in the chain; null for the second or so until the record is linked",
                example = "311", minimum = "1", maximum = "9223372036854775807") Long seq,
        Instant at,
        TenantId tenantId,
        @Schema(description = "User name, service account or network function", example = "acme-admin",
                maxLength = 255) String subject,
        @Schema(example = "[\"tenant-admin\"]", maxItems = 50, type = SchemaType.ARRAY, implementation = AuditRecordView.RoleName.class)
        List<String> roles,
        @Schema(description = "The token proved a second factor") boolean mfa,
        @Schema(example = "203.0.113.7", maxLength = 45) String clientIp,
        @Schema(example = "curl/8.5.0", maxLength = 400) String userAgent,
        @Schema(example = "5f0c2a0e-1d4b-4c1a-9d8e-2b7c4a1f3e60", maxLength = 300) String requestId,
        @Schema(description = "The operation (operationId of the contract), or method and path of a request that"
                + " matched none", example = "activateSim", maxLength = 2200) String action,
        @Schema(example = "POST", maxLength = 40) String method,
        @Schema(example = "/api/v1/sims/89490200000000000013/activate", maxLength = 2100) String target,
        @Schema(description = "success, refused (4xx) or failed (5xx)", example = "success",
                enumeration = {"success", "refused", "failed"}) String outcome,
        @Schema(description = "HTTP status of refusals and failures", example = "409", minimum = "100",
                maximum = "599") Integer status,
        @Schema(description = "Changed fields: before and after", type = SchemaType.OBJECT,
                example = "{\"before\":{\"status\":\"ready\"},\"after\":{\"status\":\"active\"}}")
        Map<String, Object> changes,
        @Schema(description = "SHA-256 of the previous record's hash and this record, hex; null until linked",
                pattern = "^[0-9a-f]{64}$", maxLength = 64) String hash) {

    @Schema(name = "RoleName", type = SchemaType.STRING, maxLength = 255, pattern = "^[^\\x00-\\x1f]+$",
            example = "tenant-admin", description = "A realm role of the identity provider")
    interface RoleName {
    }
}
