package io.cellgate.audit;

import io.cellgate.common.id.TenantId;
import jakarta.enterprise.context.RequestScoped;

/**
 * The HTTP side of the trail, for {@link AuditFilter}: whether an audited transaction already recorded the request
 * being served, and which tenant a carrier-ops read concerned. Services never see it: they are given the actor and
 * note what they change ({@link AuditedWrites}).
 */
@RequestScoped
public class AuditContext {
    private boolean recorded;
    private TenantId concernedTenant;

    /**
     * Carrier ops looking into one tenant: the record goes into that tenant's chain, so the tenant sees what its
     * provider looked at.
     */
    public void concernsTenant(TenantId tenant) {
        concernedTenant = tenant;
    }

    void markRecorded() {
        recorded = true;
    }

    boolean isRecorded() {
        return recorded;
    }

    TenantId concernedTenant() {
        return concernedTenant;
    }
}
