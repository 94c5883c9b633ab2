package io.cellgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The boundaries of the code, each rule named as the sentence it holds. A broken boundary fails the build. */
@Tag("unit")
class ArchitectureTest {
    static final String[] MANAGEMENT_PLANE = {"io.cellgate.tenant..", "io.cellgate.sim..", "io.cellgate.policy..",
            "io.cellgate.ip..", "io.cellgate.job..", "io.cellgate.identity..", "io.cellgate.audit..",
            "io.cellgate.ratelimit..", "io.cellgate.demo..", "io.cellgate.nas..", "io.cellgate.usage..",
            "io.cellgate.events..", "io.cellgate.webhooks..", "io.cellgate.anomaly..", "io.cellgate.sms..",
            "io.cellgate.charging..", "io.cellgate.keys.."};
    /** Who may write each table (INSERT, UPDATE, DELETE or a row lock); tables not listed are written by the database. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("tenants", "tenant"), Map.entry("sims", "sim"), Map.entry("sim_transitions", "sim"),
            Map.entry("service_profiles", "policy"), Map.entry("ip_pools", "ip"), Map.entry("sim_ip_addresses", "ip"),
            Map.entry("jobs", "job"), Map.entry("job_failures", "job"), Map.entry("audit_records", "audit"),
            Map.entry("audit_chains", "audit"), Map.entry("rate_buckets", "ratelimit"),
            Map.entry("nas_clients", "nas"), Map.entry("data_sessions", "usage"), Map.entry("usage_counters", "usage"),
            Map.entry("auth_events", "usage"), Map.entry("events", "events"),
            Map.entry("webhooks", "webhooks"), Map.entry("webhook_deliveries", "webhooks"),
            Map.entry("webhook_attempts", "webhooks"), Map.entry("anomaly_rules", "anomaly"),
            Map.entry("anomaly_cursors", "anomaly"), Map.entry("anomaly_sim_watch", "anomaly"),
            Map.entry("data_usage_baselines", "anomaly"), Map.entry("tenant_sms_addresses", "tenant"),
            Map.entry("sms_messages", "sms"), Map.entry("sms_parts", "sms"), Map.entry("sms_mo_fragments", "sms"),
            Map.entry("sms_receipts", "sms"), Map.entry("sms_buckets", "sms"),
            Map.entry("charging_functions", "charging"), Map.entry("rating_groups", "charging"),
            Map.entry("charging_sessions", "charging"), Map.entry("charging_reservations", "charging"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.cellgate");
    private static final Map<String, String> SOURCES = SqlInSources.read(java.nio.file.Path.of("src/main/java"));

    static final ArchRule COMMON_DEPENDS_ON_NO_FEATURE = noClasses().that().resideInAPackage("io.cellgate.common..")
            .should().dependOnClassesThat().resideInAnyPackage(MANAGEMENT_PLANE)
            .as("common depends on no feature package");

    static final ArchRule NETWORK_PLANE_ONLY_THROUGH_PORTS = noClasses().that().resideInAPackage("io.cellgate.network..")
            .should().dependOnClassesThat().resideInAnyPackage(MANAGEMENT_PLANE)
            .as("the network plane reaches the management plane only through its ports (io.cellgate.ports)");

    @Test
    void commonDependsOnNoFeaturePackage() {
        COMMON_DEPENDS_ON_NO_FEATURE.check(MAIN);
    }

    @Test
    void theNetworkPlaneReachesTheManagementPlaneOnlyThroughItsPorts() {
        NETWORK_PLANE_ONLY_THROUGH_PORTS.check(MAIN);
    }

    @Test
    void thePortsDependOnCommonAlone() {
        classes().that().resideInAPackage("io.cellgate.ports..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.cellgate.ports..", "io.cellgate.common..", "java..", "io.smallrye.mutiny..",
                        "org.eclipse.microprofile.openapi..")
                .as("the ports depend on common alone").check(MAIN);
    }

    @Test
    void resourcesHoldNoSql() {
        noClasses().that().areAnnotatedWith(Path.class).should().dependOnClassesThat()
                .resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..")
                .as("resources hold no SQL: they reach no database client").check(MAIN);
        List<String> resourcesWithSql = SOURCES.entrySet().stream()
                .filter(source -> source.getValue().contains("@Path(") && SqlInSources.holdsSql(source.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), resourcesWithSql, "resources hold no SQL statements");
    }

    @Test
    void onlyTheOwnerOfATableWritesIt() {
        List<String> violations = ownerViolations(SOURCES);
        assertEquals(List.of(), violations, "only the owner of a table writes it");
        assertTrue(SqlInSources.writes(SOURCES).size() > 20, "the sources' writes were found at all");
    }

    @Test
    void servicesLearnWhoActsFromAValueNotFromTheRequest() {
        noClasses().that().resideOutsideOfPackages("io.cellgate.identity..", "io.cellgate.common.web..")
                .and().areNotAnnotatedWith(Path.class).and().haveSimpleNameNotEndingWith("Filter")
                .should().dependOnClassesThat().belongToAnyOf(SecurityIdentity.class, JsonWebToken.class,
                        CurrentIdentityAssociation.class, CurrentVertxRequest.class)
                .as("services learn who acts from the actor they are given, not from the HTTP request").check(MAIN);
    }

    /** "table written in source, owned by feature" for every write outside the table's owner. */
    static List<String> ownerViolations(Map<String, String> sources) {
        return SqlInSources.writes(sources).stream()
                .filter(write -> TABLE_OWNERS.containsKey(write.table()))
                .filter(write -> !feature(write.source()).equals(TABLE_OWNERS.get(write.table())))
                .map(write -> write.table() + " written in " + write.source() + ", owned by "
                        + TABLE_OWNERS.get(write.table()))
                .distinct().toList();
    }

    /** The feature of a source below src/main/java: io/cellgate/sim/store/SimStore.java is in sim. */
    private static String feature(String source) {
        String[] parts = source.split("/");
        return parts.length > 3 ? parts[2] : "";
    }
}
