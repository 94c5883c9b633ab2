package io.cellgate.common;

import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import java.util.List;

/**
 * Who does a piece of work, for which tenant, and the request that brought them. Made at the edge (from a verified
 * access token for HTTP, from the registered network function for a packet, or one of the declared kinds of
 * {@link Work} of the service itself) and passed to services as a value: the actor decides the data scope and is what
 * the audit trail records, the same for a REST call, a RADIUS packet or a background job.
 *
 * @param tenant the tenant whose data the actor works on: a tenant's own people and machines always act for their
 *               tenant; carrier ops, network functions and the service's own work act for one tenant when they say so
 *               ({@link #actingFor}), else for none
 * @param roles  realm roles, sorted
 */
public record Actor(Kind kind, String subject, TenantId tenant, List<String> roles, boolean mfa, Origin origin) {

    public enum Kind {
        /** A person of a tenant (tenant-admin, tenant-operator, tenant-viewer). */
        TENANT_USER,
        /** A tenant's backend with client credentials; it never has a second factor. */
        SERVICE_ACCOUNT,
        /** The provider's operators: every tenant's data, always with a second factor. */
        CARRIER_OPS,
        /** A node of the operator's network reporting in (a NAS over RADIUS, the SMSC, a charging client). */
        NETWORK_FUNCTION,
        /** The service itself: one of the declared kinds of {@link Work}. */
        SYSTEM,
        /** A request that proved no identity; it may only be refused, and recorded. */
        ANONYMOUS
    }

    /** The service's own work, each kind declared here: nothing else acts without a caller. */
    public enum Work {
        /** Runs queued jobs (bulk actions, bulk IP assignments) for their tenants. */
        JOB_RUNNER("job-runner"),
        /** Seeds the demo tenants and SIMs at start-up (scripts/run). */
        DEMO_SEED("demo-seed"),
        /** Removes what is kept only for a while (events, refused access requests, stopped sessions) past its retention. */
        RETENTION("retention"),
        /** Announces a tenant's quota refusals as events (tenant.quota_breached). */
        QUOTA_WATCH("quota-watch"),
        /** Looks for new events, to wake the readers waiting for their tenant's next ones. */
        EVENT_WATCH("event-watch"),
        /** Delivers the tenants' events to their webhooks. */
        WEBHOOK_SENDER("webhook-sender"),
        /** Judges the tenants' events and usage by their anomaly rules, and suspends SIMs where a rule says so. */
        ANOMALY_DETECTOR("anomaly-detector"),
        /** Expires SMS whose validity passed, applies receipts that came before their submit was recorded. */
        SMS_UPKEEP("sms-upkeep");

        private final String name;

        Work(String name) {
            this.name = name;
        }

        public Actor actor() {
            return new Actor(Kind.SYSTEM, name, null, List.of(), false, Origin.system(name));
        }
    }

    public Actor {
        roles = roles.stream().sorted().toList();
    }

    public static Actor anonymous(Origin origin) {
        return new Actor(Kind.ANONYMOUS, "anonymous", null, List.of(), false, origin);
    }

    public static Actor networkFunction(String name, Origin origin) {
        return new Actor(Kind.NETWORK_FUNCTION, name, null, List.of(), false, origin);
    }

    /** The tenant this actor acts for; a tenant's caller without one is refused (403 no-tenant). */
    public TenantId requireTenant() {
        if (tenant == null) {
            throw new ProblemException(ProblemType.NO_TENANT, kind == Kind.CARRIER_OPS || kind == Kind.SYSTEM
                    || kind == Kind.NETWORK_FUNCTION ? subject + " acts for no tenant here"
                    : "The access token carries no tenant claim");
        }
        return tenant;
    }

    /** This actor at work on one tenant's data. A tenant's own caller can act for its own tenant only. */
    public Actor actingFor(TenantId other) {
        if (other.equals(tenant)) {
            return this;
        }
        if (!spansTenants()) {
            throw new IllegalStateException(subject + " of tenant " + tenant + " cannot act for tenant " + other);
        }
        return new Actor(kind, subject, other, roles, mfa, origin);
    }

    /** The data scope of the tenant this actor acts for. */
    public DataScope scope() {
        return new DataScope(requireTenant());
    }

    /** Every tenant's rows: carrier ops, network functions and the service's own work only. */
    public DataScope allTenants() {
        if (!spansTenants()) {
            throw new IllegalStateException(subject + " (" + kind + ") may not open the data scope of all tenants");
        }
        return DataScope.ALL_TENANTS;
    }

    /** The tenant's scope when acting for one, else all tenants' (for actors that may span them). */
    public DataScope tenantOrAllScope() {
        return tenant != null ? scope() : allTenants();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Refuses (403 mfa-required) an actor whose login proved no second factor. */
    public void requireMfa(String what) {
        if (!mfa) {
            throw new ProblemException(ProblemType.MFA_REQUIRED, what + " needs a login with a second factor (TOTP);"
                    + " service accounts cannot do it");
        }
    }

    private boolean spansTenants() {
        return kind == Kind.CARRIER_OPS || kind == Kind.NETWORK_FUNCTION || kind == Kind.SYSTEM;
    }
}
