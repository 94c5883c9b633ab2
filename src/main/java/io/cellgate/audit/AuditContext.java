package io.cellgate.audit;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit record of the current request will say: filled by {@link AuditFilter} when the request arrives,
 * completed by services with the changes they made, and marked once the record is written. (A request-scoped bean
 * is reached through a proxy, so everything goes through methods.)
 */
@RequestScoped
public class AuditContext {
    private String method;
    private String path;
    private String action;
    private String clientIp;
    private String userAgent;
    private String requestId;
    private String tenantId;
    private String concernedTenant;
    private String subject = "anonymous";
    private List<String> roles = List.of();
    private boolean mfa;
    private JsonObject changes;
    private boolean recorded;

    void describe(String method, String path, String action, String clientIp, String userAgent) {
        this.method = method;
        this.path = path;
        this.action = action;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
    }

    void identify(String subject, String tenantId, List<String> roles, boolean mfa) {
        this.subject = subject;
        this.tenantId = tenantId;
        this.roles = roles;
        this.mfa = mfa;
    }

    /**
     * Carrier ops acting on (or looking into) one tenant: the record goes into that tenant's chain, so the tenant sees
     * what its provider did. A tenant's own requests always stay in the tenant's chain.
     */
    public void concernsTenant(String tenantId) {
        concernedTenant = tenantId;
    }

    void requestId(String requestId) {
        this.requestId = requestId;
    }

    /** Records what changed (field values before and after); secrets must never be passed here. */
    public void changes(Map<String, ?> before, Map<String, ?> after) {
        changes = new JsonObject().put("before", new JsonObject(new HashMap<>(before)))
                .put("after", new JsonObject(new HashMap<>(after)));
    }

    void markRecorded() {
        recorded = true;
    }

    boolean isAudited() {
        return method != null;
    }

    boolean isRecorded() {
        return recorded;
    }

    String requestId() {
        return requestId;
    }

    /** The fields of audit_append, in its order, after the outcome and status are known. */
    Object[] appendArguments(String outcome, Integer status) {
        return new Object[] {tenantId != null ? tenantId : concernedTenant, subject, roles.toArray(String[]::new),
                mfa, clientIp, userAgent, requestId, action, method, path, outcome, status, changes};
    }
}
