package io.cellgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The actor decides the data scope: which scopes each kind of actor may open. */
@Tag("unit")
class ActorTest {
    static final TenantId ACME = TenantId.parse("acme");
    static final TenantId GLOBEX = TenantId.parse("globex");
    static final Origin ORIGIN = new Origin("POST", "/api/v1/x", "x", "127.0.0.1", "test", "r1");

    @Test
    void aTenantsCallerOpensItsOwnTenantsScopeOnly() {
        for (Actor.Kind kind : List.of(Actor.Kind.TENANT_USER, Actor.Kind.SERVICE_ACCOUNT)) {
            Actor actor = new Actor(kind, "someone", ACME, List.of("tenant-admin"), false, ORIGIN);
            assertEquals(ACME, actor.scope().tenant());
            assertEquals("acme", actor.scope().setting());
            assertSame(actor, actor.actingFor(ACME));
            assertThrows(IllegalStateException.class, () -> actor.actingFor(GLOBEX));
            assertThrows(IllegalStateException.class, actor::allTenants);
        }
    }

    @Test
    void aTokenWithoutATenantIsRefusedAsNoTenant() {
        Actor actor = new Actor(Actor.Kind.TENANT_USER, "someone", null, List.of("tenant-admin"), true, ORIGIN);
        assertEquals(ProblemType.NO_TENANT, assertThrows(ProblemException.class, actor::scope).type());
        assertThrows(IllegalStateException.class, actor::allTenants);
    }

    @Test
    void carrierOpsNetworkFunctionsAndTheServiceSpanTenantsWhereTheySaySo() {
        List<Actor> spanning = List.of(
                new Actor(Actor.Kind.CARRIER_OPS, "ops", null, List.of("carrier-ops"), true, ORIGIN),
                Actor.networkFunction("nas:pgw-1", ORIGIN), Actor.Work.JOB_RUNNER.actor(), Actor.Work.DEMO_SEED.actor());
        for (Actor actor : spanning) {
            assertTrue(actor.allTenants().allTenants());
            assertEquals("*", actor.allTenants().setting());
            assertEquals(GLOBEX, actor.actingFor(GLOBEX).scope().tenant());
            assertEquals(GLOBEX, actor.actingFor(GLOBEX).tenant(), "its records go into that tenant's chain");
            assertTrue(actor.tenantOrAllScope().allTenants());
        }
    }

    @Test
    void anonymousCallersOpenNoScope() {
        Actor anonymous = Actor.anonymous(ORIGIN);
        assertThrows(ProblemException.class, anonymous::scope);
        assertThrows(IllegalStateException.class, anonymous::allTenants);
        assertThrows(IllegalStateException.class, () -> anonymous.actingFor(ACME));
    }

    @Test
    void mfaIsRequiredWhereAsked() {
        Actor withoutMfa = new Actor(Actor.Kind.SERVICE_ACCOUNT, "sa", ACME, List.of("tenant-admin"), false, ORIGIN);
        assertEquals(ProblemType.MFA_REQUIRED,
                assertThrows(ProblemException.class, () -> withoutMfa.requireMfa("A bulk terminate")).type());
        new Actor(Actor.Kind.TENANT_USER, "u", ACME, List.of("tenant-admin"), true, ORIGIN).requireMfa("anything");
    }

    @Test
    void rolesAreSorted() {
        Actor actor = new Actor(Actor.Kind.TENANT_USER, "u", ACME, List.of("tenant-viewer", "tenant-admin"), true,
                ORIGIN);
        assertEquals(List.of("tenant-admin", "tenant-viewer"), actor.roles());
        assertTrue(actor.hasRole("tenant-viewer"));
    }
}
