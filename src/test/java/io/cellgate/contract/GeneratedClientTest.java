package io.cellgate.contract;

import static io.cellgate.support.Api.ACME_ADMIN;
import static io.cellgate.support.Api.GLOBEX_ADMIN;
import static io.cellgate.support.Api.OPS;
import static io.cellgate.support.Api.as;
import static io.cellgate.support.Api.ensureTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.client.ApiClient;
import io.cellgate.client.ApiException;
import io.cellgate.client.ApiResponse;
import io.cellgate.client.api.AuditApi;
import io.cellgate.client.api.JobsApi;
import io.cellgate.client.api.PolicyApi;
import io.cellgate.client.api.SimsApi;
import io.cellgate.client.api.StaticIpsApi;
import io.cellgate.client.model.AssignIpRequest;
import io.cellgate.client.model.AuditRecord;
import io.cellgate.client.model.BulkActionRequest;
import io.cellgate.client.model.Job;
import io.cellgate.client.model.JobStatus;
import io.cellgate.client.model.PageSimView;
import io.cellgate.client.model.Policy;
import io.cellgate.client.model.Problem;
import io.cellgate.client.model.Sim;
import io.cellgate.client.model.SimAction;
import io.cellgate.client.model.SimPolicy;
import io.cellgate.client.model.SimPolicyUpdate;
import io.cellgate.client.model.SimStatus;
import io.cellgate.client.model.SimUpdate;
import io.cellgate.client.model.SmsPolicy;
import io.cellgate.support.TestPools;
import io.cellgate.support.TestSims;
import io.cellgate.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A tenant admin's typical session through the Java client generated from openapi/openapi.yaml (during the build,
 * as a tenant would generate it): paging, a SIM read and changed with its ETag, a policy override, a static IP, a bulk
 * action followed to its end, the audit trail, problem details as typed errors, and a 429 honoured with Retry-After.
 */
@QuarkusTest
class GeneratedClientTest {
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private ApiClient client(String user) {
        String token = Tokens.of(user);
        return new ApiClient().setScheme("http").setHost("localhost").setPort(port).setBasePath("")
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void aTenantAdminsSessionThroughTheGeneratedClient() throws Exception {
        ensureTenant("acme");
        TestSims mine = TestSims.assignedTo("acme", 3);
        ApiClient admin = client(ACME_ADMIN);
        SimsApi sims = new SimsApi(admin);

        PageSimView first = sims.listSims(null, mine.prefix, null, 2, null);
        assertEquals(mine.iccids.subList(0, 2), first.getItems().stream().map(Sim::getIccid).toList());
        PageSimView second = sims.listSims(first.getNextCursor(), mine.prefix, null, 2, null);
        assertEquals(mine.iccids.subList(2, 3), second.getItems().stream().map(Sim::getIccid).toList());
        assertNull(second.getNextCursor());

        String iccid = mine.first();
        ApiResponse<Sim> read = sims.getSimWithHttpInfo(iccid);
        String etag = read.getHeaders().get("etag").get(0);
        Sim renamed = sims.updateSim(iccid, etag, new SimUpdate().name("pump-7").labels(Map.of("site", "berlin")));
        assertEquals("pump-7", renamed.getName());
        assertEquals(Map.of("site", "berlin"), renamed.getLabels());
        ApiException stale = assertThrows(ApiException.class,
                () -> sims.updateSim(iccid, etag, new SimUpdate().name("pump-8")));
        assertEquals("precondition-failed", problem(admin, stale).getType().toString().replaceAll(".*/", ""));

        PolicyApi policies = new PolicyApi(admin);
        String policyTag = policies.getSimPolicyWithHttpInfo(iccid).getHeaders().get("etag").get(0);
        SimPolicy overridden = policies.updateSimPolicy(iccid, policyTag,
                new SimPolicyUpdate().overrides(new Policy().sms(new SmsPolicy().moEnabled(false))));
        assertEquals(false, overridden.getPolicy().getSms().getMoEnabled());
        assertEquals("sim", overridden.getSources().get("sms.mo_enabled"));

        UUID pool = UUID.fromString(TestPools.newPool("acme", 28).getString("id"));
        StaticIpsApi ips = new StaticIpsApi(admin);
        ips.assignSimIpAddress(iccid, new AssignIpRequest().poolId(pool));
        assertEquals(pool, ips.getSimIpAddress(iccid).getPoolId());
        ips.releaseSimIpAddress(iccid);
        assertEquals(404, assertThrows(ApiException.class, () -> ips.getSimIpAddress(iccid)).getCode());
        ips.assignSimIpAddress(iccid, new AssignIpRequest().poolId(pool));

        Job submitted = sims.createBulkAction(new BulkActionRequest().action(SimAction.ACTIVATE).iccids(mine.iccids),
                UUID.randomUUID().toString());
        JobsApi jobs = new JobsApi(admin);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jobs.getJob(submitted.getId()).getStatus() == JobStatus.COMPLETED);
        assertEquals(3, jobs.getJob(submitted.getId()).getSucceeded());
        assertEquals(SimStatus.ACTIVE, sims.getSim(mine.iccids.get(2)).getStatus());

        List<AuditRecord> changes = new AuditApi(admin).listAuditRecords("updateSim", null, null, 100, null, null,
                "/api/v1/sims/" + iccid, null).getItems();
        assertEquals(List.of(AuditRecord.OutcomeEnum.SUCCESS, AuditRecord.OutcomeEnum.REFUSED),
                changes.stream().map(AuditRecord::getOutcome).toList(), "the rename, then the stale one refused");

        ApiException missing = assertThrows(ApiException.class, () -> sims.getSim(TestSims.generate(1).first()));
        assertEquals(404, missing.getCode());
        Problem notFound = problem(admin, missing);
        assertEquals(404, notFound.getStatus());
        assertEquals("not-found", notFound.getType().toString().replaceAll(".*/", ""));
        ApiException invalid = assertThrows(ApiException.class, () -> sims.updateSim(iccid, "*",
                new SimUpdate().name("n".repeat(10_000))));
        assertEquals(422, invalid.getCode());
        assertEquals("name", problem(admin, invalid).getErrors().get(0).getField());
    }

    @Test
    void aClientThatHonoursRetryAfterGetsThroughItsTenantsRateLimit() throws Exception {
        ensureTenant("globex");
        as(OPS).body(Map.of("quotas", Map.of("api_requests_per_second", 1, "api_burst", 2)))
                .patch("/api/v1/admin/tenants/globex").then().statusCode(200);
        try {
            SimsApi sims = new SimsApi(client(GLOBEX_ADMIN));
            int limited = 0;
            for (int call = 0; call < 6; call++) {
                try {
                    sims.listSims(null, null, null, 1, null);
                } catch (ApiException refused) {
                    assertEquals(429, refused.getCode());
                    long wait = Long.parseLong(refused.getResponseHeaders().firstValue("retry-after").orElseThrow());
                    assertTrue(wait >= 1 && wait <= 2, "Retry-After " + wait);
                    limited++;
                    // asked again no sooner than the answer said, and let through then
                    Awaitility.await().pollDelay(Duration.ofSeconds(wait)).atMost(Duration.ofSeconds(wait + 1))
                            .untilAsserted(() -> assertNotNull(sims.listSims(null, null, null, 1, null).getItems()));
                }
            }
            assertTrue(limited >= 1, "a burst of 2 at 1 per second refuses some of 6 quick calls");
        } finally {
            ensureTenant("globex");
        }
    }

    /** The problem details of a refusal, read with the client's own mapper, as a tenant's code would. */
    private static Problem problem(ApiClient client, ApiException refused) throws IOException {
        return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }
}
