package io.cellgate.demo;

import io.cellgate.charging.ChargingFunctionService;
import io.cellgate.charging.CreateChargingFunctionRequest;
import io.cellgate.charging.RatingGroupRequest;
import io.cellgate.charging.RatingGroupService;
import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Luhn;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.nas.CreateNasClientRequest;
import io.cellgate.nas.NasClientService;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.SimService;
import io.cellgate.sim.stock.AssignRequest;
import io.cellgate.sim.stock.SimImportRow;
import io.cellgate.sim.stock.SimStockService;
import io.cellgate.sim.store.SimRepository;
import io.cellgate.tenant.CreateTenantRequest;
import io.cellgate.tenant.TenantQuotas;
import io.cellgate.tenant.TenantService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the demo (CELLGATE_DEMO_SEED=true): tenants acme and globex (with a low API limit: 10/s, burst 20), 300 SIMs
 * in stock, 100 of them assigned to each tenant and some activated or suspended, and a NAS client for RADIUS requests
 * from this machine. It goes through the same services as
 * the API, as the declared actor {@link Actor.Work#DEMO_SEED} (so the tenants' trails show it), and runs only once.
 */
@ApplicationScoped
public class DemoData {
    static final String ICCID_PREFIX = "8949020000";
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Actor SEEDER = Actor.Work.DEMO_SEED.actor();
    private static final TenantId ACME = TenantId.parse("acme");
    private static final TenantId GLOBEX = TenantId.parse("globex");
    /** The NAS client of the demo and its shared secret: development only, the secret is public (README). */
    static final String LOCAL_NAS = "local-nas";
    static final String LOCAL_NAS_SECRET = "cellgate-demo-radius-secret";
    /** The demo's core network function: the client of the development realm, with its public secret (README). */
    static final String DEMO_CHARGING_FUNCTION = "demo-smf";
    /** A deliberately low API limit, so anyone can see the limit at work. */
    private static final TenantQuotas GLOBEX_QUOTAS = new TenantQuotas(null, 10, 20, null);

    @ConfigProperty(name = "cellgate.demo.seed")
    boolean enabled;
    @Inject
    TenantService tenants;
    @Inject
    SimStockService stock;
    @Inject
    SimService sims;
    @Inject
    SimRepository repository;
    @Inject
    NasClientService nasClients;
    @Inject
    ChargingFunctionService chargingFunctions;
    @Inject
    RatingGroupService ratingGroups;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(this::ensureLocalNas);
        VertxContextSupport.subscribeAndAwait(this::ensureDemoCharging);
        if (VertxContextSupport.subscribeAndAwait(() -> repository.existsAnywhere(SEEDER, iccid(1)))) {
            LOG.info("Demo data already present");
            return;
        }
        List<SimImportRow> rows = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            rows.add(new SimImportRow(iccid(i).value(), String.format("26201%010d", i),
                    String.format("+4917000%06d", i), Map.of("batch", "demo-2026-11")));
        }
        VertxContextSupport.subscribeAndAwait(() -> ensureTenant(ACME, "ACME Logistics", null, List.of("ACME", "+4915550100"))
                .flatMap(t -> ensureTenant(GLOBEX, "Globex Utilities", GLOBEX_QUOTAS, List.of("GLOBEX")))
                .flatMap(t -> stock.importSims(SEEDER, rows))
                .flatMap(done -> stock.assign(SEEDER, range(ACME, 1, 100)))
                .flatMap(done -> stock.assign(SEEDER, range(GLOBEX, 101, 200)))
                .flatMap(done -> transition(ACME, 1, 60, SimAction.ACTIVATE))
                .flatMap(done -> transition(ACME, 51, 60, SimAction.SUSPEND))
                .flatMap(done -> transition(GLOBEX, 101, 150, SimAction.ACTIVATE)));
        LOG.infof("Demo data seeded: tenants acme and globex; SIMs %s ... %s (1-100 acme, 101-200 globex, 201-300 stock)",
                iccid(1), iccid(300));
    }

    /** The local NAS client (radclient on this machine): registered once, its name or source then taken. */
    private Uni<Void> ensureLocalNas() {
        return nasClients.create(SEEDER, new CreateNasClientRequest(LOCAL_NAS, "127.0.0.1", LOCAL_NAS_SECRET, 3799, true))
                .invoke(created -> LOG.infof("Demo NAS client %s registered for 127.0.0.1", LOCAL_NAS))
                .replaceWithVoid()
                .onFailure(ProblemException.class).recoverWithItem(e -> null);
    }

    /**
     * The demo core network function (client demo-smf of the development realm) and three rating groups: 100 voice,
     * 200 SMS, 300 data (README, "Connect your core network: online charging").
     */
    private Uni<Void> ensureDemoCharging() {
        return chargingFunctions.create(SEEDER, new CreateChargingFunctionRequest(DEMO_CHARGING_FUNCTION,
                        DEMO_CHARGING_FUNCTION, true))
                .replaceWithVoid().onFailure(ProblemException.class).recoverWithItem(e -> null)
                .flatMap(done -> ratingGroups.put(SEEDER, 100, new RatingGroupRequest("voice", "demo: voice seconds")))
                .flatMap(done -> ratingGroups.put(SEEDER, 200, new RatingGroupRequest("sms", "demo: SMS")))
                .flatMap(done -> ratingGroups.put(SEEDER, 300, new RatingGroupRequest("data", "demo: data bytes")))
                .replaceWithVoid();
    }

    /** The demo SIMs are the mark: tenants named acme and globex may exist without them (e.g. made by tests). */
    private Uni<Void> ensureTenant(TenantId id, String name, TenantQuotas quotas, List<String> smsAddresses) {
        return tenants.exists(SEEDER, id).flatMap(exists -> exists
                ? Uni.createFrom().voidItem()
                : tenants.create(SEEDER, new CreateTenantRequest(id, name, quotas, null, smsAddresses, null)).replaceWithVoid());
    }

    private Uni<Void> transition(TenantId tenant, int from, int to, SimAction action) {
        Actor onTenant = SEEDER.actingFor(tenant);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = from; i <= to; i++) {
            Iccid iccid = iccid(i);
            chain = chain.flatMap(v -> sims.transition(onTenant, iccid, action).replaceWithVoid());
        }
        return chain;
    }

    private static AssignRequest range(TenantId tenant, int from, int to) {
        return new AssignRequest(tenant, null,
                new AssignRequest.IccidRange(iccid(from).value(), iccid(to).value()));
    }

    /** Demo ICCIDs: 89 49 02 0000 + 9-digit serial + Luhn check digit (20 digits). */
    public static Iccid iccid(int serial) {
        String payload = ICCID_PREFIX + String.format("%09d", serial);
        return Iccid.parse(payload + Luhn.checkDigit(payload));
    }
}
