package io.cellgate.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "tenants")
public class Tenant extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public TenantStatus status;
    @Column(name = "max_sims")
    public Integer maxSims;
    @Column(name = "api_requests_per_second")
    public Integer apiRequestsPerSecond;
    @Column(name = "api_burst")
    public Integer apiBurst;
    @Column(name = "sms_per_second")
    public Integer smsPerSecond;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public void applyQuotas(TenantQuotas quotas) {
        if (quotas == null) {
            return;
        }
        if (quotas.maxSims() != null) {
            maxSims = quotas.maxSims();
        }
        if (quotas.apiRequestsPerSecond() != null) {
            apiRequestsPerSecond = quotas.apiRequestsPerSecond();
        }
        if (quotas.apiBurst() != null) {
            apiBurst = quotas.apiBurst();
        }
        if (quotas.smsPerSecond() != null) {
            smsPerSecond = quotas.smsPerSecond();
        }
    }

    public TenantView toView() {
        return new TenantView(id, name, status,
                new TenantQuotas(maxSims, apiRequestsPerSecond, apiBurst, smsPerSecond), createdAt, updatedAt, null);
    }
}
