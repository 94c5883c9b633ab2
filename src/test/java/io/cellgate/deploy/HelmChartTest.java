package io.cellgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chart in helm/cellgate, rendered by Helm itself (as a library) with the value sets carrier ops use, every object
 * read strictly into the Kubernetes model (a field the model does not know fails), and the fields that matter checked.
 */
@Tag("unit")
class HelmChartTest {
    private static final Path CHART = Path.of("helm/cellgate");

    @Test
    void theChartPassesHelmLintStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void byDefaultTwoOrMoreHardenedReplicasReadTheirCredentialsFromTheOperatorsSecret() {
        RenderedChart chart = RenderedChart.of(Map.of());
        assertEquals(Set.of("ServiceAccount/cellgate", "ConfigMap/cellgate-config", "Service/cellgate",
                "Service/cellgate-radius", "Deployment/cellgate", "PodDisruptionBudget/cellgate",
                "HorizontalPodAutoscaler/cellgate", "NetworkPolicy/cellgate"),
                chart.names(), "no Secret, no monitoring objects");

        Deployment deployment = chart.one(Deployment.class);
        assertNull(deployment.getSpec().getReplicas(), "the autoscaler owns the count");
        HorizontalPodAutoscaler hpa = chart.one(HorizontalPodAutoscaler.class);
        assertEquals(2, hpa.getSpec().getMinReplicas());
        assertEquals("cellgate", hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());

        var pod = deployment.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(185L, pod.getSecurityContext().getRunAsUser());
        assertFalse(pod.getAutomountServiceAccountToken());
        Container container = pod.getContainers().get(0);
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertEquals("/tmp", container.getVolumeMounts().get(0).getMountPath());
        assertTrue(pod.getVolumes().get(0).getEmptyDir() != null);
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"),
                pod.getTopologySpreadConstraints().stream().map(c -> c.getTopologyKey()).toList());
        assertTrue(container.getResources().getLimits().containsKey("memory"));
        assertEquals(Map.of("CELLGATE_DB_PASSWORD", "cellgate-secrets/db-password",
                        "CELLGATE_DB_OWNER_PASSWORD", "cellgate-secrets/db-owner-password",
                        "CELLGATE_KEYCLOAK_ADMIN_SECRET", "cellgate-secrets/keycloak-admin-secret",
                        "CELLGATE_RADIUS_SECRET_KEY", "cellgate-secrets/radius-secret-key",
                        "CELLGATE_RADIUS_PREVIOUS_SECRET_KEY", "cellgate-secrets/radius-previous-secret-key",
                        "CELLGATE_WEBHOOKS_SECRET_KEY", "cellgate-secrets/webhooks-secret-key",
                        "CELLGATE_WEBHOOKS_PREVIOUS_SECRET_KEY", "cellgate-secrets/webhooks-previous-secret-key",
                        "CELLGATE_SMPP_PASSWORD", "cellgate-secrets/smpp-password"),
                secretReferences(container));

        Service radius = chart.named(Service.class, "cellgate-radius");
        assertEquals(List.of("UDP/1812", "UDP/1813"), radius.getSpec().getPorts().stream()
                .map(p -> p.getProtocol() + "/" + p.getPort()).toList());
        assertEquals("Local", radius.getSpec().getExternalTrafficPolicy());
        assertEquals(List.of("TCP/8080"), chart.named(Service.class, "cellgate").getSpec().getPorts().stream()
                .map(p -> p.getProtocol() + "/" + p.getPort()).toList());
        assertEquals(1, chart.one(PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal());
        NetworkPolicy policy = chart.one(NetworkPolicy.class);
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        assertEquals(List.of("http", "radius-auth"), policy.getSpec().getIngress().stream()
                .map(rule -> rule.getPorts().get(0).getPort().getStrVal()).toList());
    }

    @Test
    void theSettingsNameTheDatabaseAndTheRealm() {
        ConfigMap config = RenderedChart.of(Map.of("database.host", "pg.data.svc", "keycloak.url",
                "https://login.example.com/", "config.CELLGATE_SMS_DEFAULT_PER_SECOND", "50")).one(ConfigMap.class);
        assertEquals("pg.data.svc", config.getData().get("CELLGATE_DB_HOST"));
        assertEquals("https://login.example.com/realms/cellgate", config.getData().get("CELLGATE_OIDC_URL"));
        assertEquals("https://login.example.com", config.getData().get("CELLGATE_KEYCLOAK_URL"));
        assertEquals("50", config.getData().get("CELLGATE_SMS_DEFAULT_PER_SECOND"));
        assertEquals("false", config.getData().get("CELLGATE_SMPP_ENABLED"));
        assertEquals("true", config.getData().get("CELLGATE_LOG_JSON"));
        assertFalse(config.getData().containsKey("CELLGATE_OTLP_ENDPOINT"), "no traces are sent unless asked");
    }

    @Test
    void withACollectorNamedTheReplicasSendTracesThere() {
        ConfigMap config = RenderedChart.of(Map.of("tracing.otlpEndpoint", "http://otel-collector.monitoring:4318",
                "tracing.protocol", "http/protobuf", "tracing.sampleRatio", "0.25")).one(ConfigMap.class);
        assertEquals("http://otel-collector.monitoring:4318", config.getData().get("CELLGATE_OTLP_ENDPOINT"));
        assertEquals("http/protobuf", config.getData().get("CELLGATE_OTLP_PROTOCOL"));
        assertEquals("0.25", config.getData().get("CELLGATE_TRACE_SAMPLE_RATIO"));
    }

    @Test
    void theChartCanCreateTheSecretOrUseANamedOne() {
        RenderedChart created = RenderedChart.of(Map.of("secrets.create", true, "secrets.databasePassword", "p1",
                "secrets.databaseOwnerPassword", "p2", "secrets.keycloakAdminSecret", "p3",
                "secrets.radiusSecretKey", "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="));
        Secret secret = created.one(Secret.class);
        assertEquals(Set.of("db-password", "db-owner-password", "keycloak-admin-secret", "radius-secret-key"),
                secret.getStringData().keySet());
        assertTrue(created.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations()
                .containsKey("checksum/secrets"), "a changed secret rolls the replicas");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> RenderedChart.of(
                Map.of("secrets.create", true, "secrets.databasePassword", "p1")));
        assertTrue(missing.getMessage().contains("secrets.databaseOwnerPassword is required"), missing.getMessage());

        RenderedChart existing = RenderedChart.of(Map.of("secrets.existingSecret", "vault-cellgate"));
        assertTrue(existing.all(Secret.class).isEmpty());
        assertTrue(secretReferences(existing.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers()
                .get(0)).values().stream().allMatch(ref -> ref.startsWith("vault-cellgate/")));
    }

    @Test
    void withAutoscalingOffTheDeploymentKeepsItsReplicaCount() {
        RenderedChart chart = RenderedChart.of(Map.of("autoscaling.enabled", false, "replicaCount", 3));
        assertTrue(chart.all(HorizontalPodAutoscaler.class).isEmpty());
        assertEquals(3, chart.one(Deployment.class).getSpec().getReplicas());
    }

    @Test
    void withMonitoringOnTheChartShipsAScrapeTargetAlertsAndADashboard() throws Exception {
        RenderedChart chart = RenderedChart.of(Map.of("metrics.serviceMonitor.enabled", true,
                "metrics.prometheusRule.enabled", true, "metrics.dashboard.enabled", true, "smpp.enabled", true,
                "smpp.host", "smsc.operator.example"));
        GenericKubernetesResource monitor = chart.custom("ServiceMonitor");
        assertEquals("monitoring.coreos.com/v1", monitor.getApiVersion());
        JsonNode endpoint = chart.json(monitor).at("/spec/endpoints/0");
        assertEquals("/q/metrics", endpoint.get("path").asText());
        assertEquals("http", endpoint.get("port").asText());

        JsonNode rules = chart.json(chart.custom("PrometheusRule")).at("/spec/groups/0/rules");
        Set<String> alerts = new java.util.TreeSet<>();
        rules.forEach(rule -> {
            assertFalse(rule.get("expr").asText().isBlank());
            alerts.add(rule.get("alert").asText());
        });
        assertEquals(Set.of("CellgateAuditChainBehind", "CellgateDown", "CellgateHighErrorRate",
                "CellgateIdentityProviderUnreachable", "CellgateJobsFailing", "CellgateReplicasNotReady",
                "CellgateSlowApi", "CellgateSmscUnbound"), alerts);

        ConfigMap dashboard = chart.named(ConfigMap.class, "cellgate-dashboard");
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        JsonNode grafana = new ObjectMapper().readTree(dashboard.getData().get("cellgate.json"));
        assertEquals("Cellgate", grafana.get("title").asText());
        List<String> titles = new java.util.ArrayList<>();
        grafana.get("panels").forEach(panel -> titles.add(panel.get("title").asText()));
        assertTrue(titles.containsAll(List.of("p99 duration by route", "Rate-limit rejections per tenant",
                "RADIUS Access-Requests by outcome and reason", "Online charging: rating groups answered by result")),
                titles.toString());
    }

    @Test
    void valuesOutsideTheSchemaAreRefusedBeforeAnythingIsRendered() {
        for (Map<String, Object> invalid : List.<Map<String, Object>>of(Map.of("replicaCount", 0),
                Map.of("replicas", 2), Map.of("keycloak.url", "keycloak"), Map.of("networkPolicy.radiusFrom[0]",
                        "10.0.0.1"), Map.of("config.JAVA_HOME", "/opt"), Map.of("tracing.protocol", "zipkin"),
                Map.of("tracing.sampleRatio", 2), Map.of("tracing.sampleRatio", "1.5"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RenderedChart.of(invalid), invalid.toString());
            assertTrue(refused.getMessage().contains("values don't meet the specifications of the schema"),
                    invalid + ": " + refused.getMessage());
        }
    }

    @Test
    void aFieldKubernetesDoesNotKnowFailsTheReadingOfTheRenderedObjects() {
        AssertionError unknown = assertThrows(AssertionError.class,
                () -> RenderedChart.of(Map.of("podSecurityContext.runAsNonRot", true)));
        assertTrue(unknown.getMessage().contains("Deployment/cellgate") && unknown.getMessage().contains("runAsNonRot"),
                unknown.getMessage());
    }

    private static Map<String, String> secretReferences(Container container) {
        return container.getEnv().stream().filter(e -> e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null)
                .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey()));
    }
}
