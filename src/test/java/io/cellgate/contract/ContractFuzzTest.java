package io.cellgate.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.Luhn;
import io.cellgate.support.Api;
import io.cellgate.support.TestActors;
import io.cellgate.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the published contract, called with hostile values in each path parameter, query parameter, header
 * parameter and body field (NUL, control characters, 10 kB strings, invalid UTF-8, wrong types, deep nesting, huge
 * numbers, unknown fields), derived from openapi/openapi.yaml alone: no hand-kept list of operations. Every answer must
 * be below 500, a problem+json for a 4xx, of a status the contract declares for the operation, and every mutating or
 * carrier-ops call must leave its audit record. Carrier-ops operations are also called by a tenant's admin (refused,
 * and recorded). The calls are drawn with a fixed seed; CELLGATE_FUZZ_SEED (or -Dcellgate.fuzz.seed) draws others.
 */
@QuarkusTest
class ContractFuzzTest {
    private static final Logger LOG = Logger.getLogger(ContractFuzzTest.class);
    private static final long DEFAULT_SEED = 20_261_202L;
    private static final int CALLS_PER_OPERATION = 24;
    private static final int PORT = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScopedDatabase db;

    private final Contract contract = Contract.published();
    private final long seed = seed();
    private final Random random = new Random(seed);

    /** One call: what it sends, for which operation, and as whom. */
    private record Call(Contract.Operation operation, String user, String what, Consumer<Request> hostile) {
    }

    /** The parts of a request, valid-looking until a call makes one of them hostile. */
    private static final class Request {
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        byte[] body;
    }

    @Test
    void everyOperationAnswersHostileInputWithADeclaredProblemAndRecordsIt() {
        Api.ensureTenant("acme");
        List<Call> calls = new ArrayList<>();
        for (Contract.Operation operation : contract.operations()) {
            calls.addAll(drawn(operation));
        }
        List<String> failures = new ArrayList<>();
        Map<String, Call> mustBeRecorded = new LinkedHashMap<>();
        int n = 0;
        for (Call call : calls) {
            String requestId = "fuzz-" + seed + "-" + n++;
            Response response = send(call, requestId);
            failures.addAll(check(call, response));
            if (call.operation().isMutating() || call.operation().isCarrierOps()) {
                mustBeRecorded.put(requestId, call);
            }
        }
        Set<String> recorded = recorded(mustBeRecorded.keySet());
        mustBeRecorded.forEach((id, call) -> {
            if (!recorded.contains(id)) {
                failures.add(describe(call) + ": no audit record for request " + id);
            }
        });
        LOG.infof("Fuzzed %d operations with %d calls (seed %d); %d had to be recorded", contract.operations().size(),
                calls.size(), seed, mustBeRecorded.size());
        assertTrue(calls.size() > contract.operations().size() * 5, "too few calls were drawn");
        assertEquals(List.of(), failures, "seed " + seed + " (set CELLGATE_FUZZ_SEED to repeat)");
    }

    /** The calls drawn for one operation: a sample of every hostile value in every place it takes input. */
    private List<Call> drawn(Contract.Operation operation) {
        String user = operation.isCarrierOps() ? Api.OPS : Api.ACME_ADMIN;
        List<Call> all = new ArrayList<>();
        for (String place : List.of("path", "query")) {
            for (JsonNode parameter : operation.parameters(place)) {
                String name = parameter.get("name").asText();
                for (HostileValues.Text value : HostileValues.texts()) {
                    all.add(new Call(operation, user, place + " " + name + ": " + value.name(),
                            request -> (place.equals("path") ? request.path : request.query).put(name, value.encoded())));
                }
            }
        }
        for (JsonNode parameter : operation.parameters("header")) {
            String name = parameter.get("name").asText();
            for (String value : List.of("x".repeat(10_240), "9".repeat(400), "{\"a\":1}", "'; DROP TABLE sims;--")) {
                all.add(new Call(operation, user, "header " + name + ": " + value.substring(0, Math.min(8, value.length())),
                        request -> request.headers.put(name, value)));
            }
        }
        if (operation.consumes().contains("application/json")) {
            all.addAll(bodyCalls(operation, user));
        }
        Collections.shuffle(all, random);
        List<Call> calls = new ArrayList<>(all.subList(0, Math.min(CALLS_PER_OPERATION, all.size())));
        if (operation.isCarrierOps()) {
            calls.add(new Call(operation, Api.ACME_ADMIN, "a tenant's admin calling carrier ops", request -> { }));
        }
        return calls;
    }

    private List<Call> bodyCalls(Contract.Operation operation, String user) {
        JsonNode body = sample(operation.bodySchema("application/json"), 0);
        List<Call> calls = new ArrayList<>();
        for (String field : leaves(body, "")) {
            for (HostileValues.Json value : HostileValues.jsons()) {
                calls.add(new Call(operation, user, "body " + field + ": " + value.name(),
                        request -> request.body = bytes(replaced(body, field, value.value()))));
            }
        }
        for (String object : objects(body, "")) {
            calls.add(new Call(operation, user, "body " + object + ": unknown field",
                    request -> request.body = bytes(replaced(body, object + "/fuzz_unknown", JSON.getNodeFactory()
                            .numberNode(1)))));
        }
        calls.add(new Call(operation, user, "body: not JSON", request -> request.body = bytes("{\"a\": ")));
        calls.add(new Call(operation, user, "body: not UTF-8", request -> request.body = new byte[] {'"', (byte) 0xC3,
                0x28, '"'}));
        calls.add(new Call(operation, user, "body: empty", request -> request.body = new byte[0]));
        return calls;
    }

    private Response send(Call call, String requestId) {
        Request request = baseline(call.operation());
        call.hostile().accept(request);
        String path = call.operation().path();
        for (Map.Entry<String, String> parameter : request.path.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        StringBuilder query = new StringBuilder();
        request.query.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(value));
        RequestSpecification spec = given().port(PORT).urlEncodingEnabled(false)
                .auth().oauth2(Tokens.of(call.user())).header("X-Request-Id", requestId)
                .accept(String.join(", ", call.operation().produces()) + ", application/problem+json");
        request.headers.forEach(spec::header);
        if (request.body != null) {
            spec.contentType(request.contentType).body(request.body);
        }
        return spec.request(call.operation().method(), path + query);
    }

    private List<String> check(Call call, Response response) {
        List<String> failures = new ArrayList<>();
        int status = response.statusCode();
        String what = describe(call) + " -> " + status;
        if (status >= 500) {
            failures.add(what + ": a server error");
        }
        if (!call.operation().declaredStatuses().contains(status)) {
            failures.add(what + ": not a status the contract declares for " + call.operation().id());
        }
        if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(what + ": answered " + type + ", not application/problem+json");
            } else if (!response.jsonPath().getString("type").startsWith("https://cellgate.io/problems/")) {
                failures.add(what + ": a problem without a Cellgate type");
            }
        }
        return failures;
    }

    /** A request that looks valid: path parameters of the right shape naming nothing, small pages, If-Match *. */
    private Request baseline(Contract.Operation operation) {
        Request request = new Request();
        for (JsonNode parameter : operation.parameters("path")) {
            request.path.put(parameter.get("name").asText(), unknownKey(parameter.get("schema")));
        }
        for (JsonNode parameter : operation.parameters("query")) {
            String name = parameter.get("name").asText();
            if (name.equals("limit")) {
                request.query.put(name, "1");
            } else if (name.equals("from")) {
                request.query.put(name, "2999-01-01T00:00:00Z");
            }
        }
        for (JsonNode parameter : operation.parameters("header")) {
            String name = parameter.get("name").asText();
            request.headers.put(name, name.equals("If-Match") ? "*" : UUID.randomUUID().toString());
        }
        if (operation.consumes().contains("application/json")) {
            request.contentType = "application/json";
            request.body = bytes(sample(operation.bodySchema("application/json"), 0));
        } else if (!operation.consumes().isEmpty()) {
            request.contentType = operation.consumes().get(0);
            request.body = "iccid,imsi\n".getBytes(StandardCharsets.UTF_8);
        }
        return request;
    }

    /** A path parameter of the right shape that names nothing: an unknown SIM, tenant, profile, pool, job, user. */
    private String unknownKey(JsonNode schema) {
        String type = Contract.refName(schema);
        if (type.equals("Iccid")) {
            String payload = "8999" + (100_000_000 + random.nextInt(899_999_999)) + "999999";
            return payload + Luhn.checkDigit(payload);
        }
        if (type.equals("TenantId")) {
            return "fuzz-" + Integer.toHexString(random.nextInt());
        }
        if (schema.path("pattern").asText().contains("{15}")) {
            return "999" + (100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L));
        }
        return UUID.randomUUID().toString();
    }

    /** A value for a schema: its example where it has one, else one of its type; objects with all their members. */
    private JsonNode sample(JsonNode schemaOrRef, int depth) {
        JsonNode schema = contract.resolve(schemaOrRef);
        if (schema.has("examples")) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = JSON.createObjectNode();
            if (depth < 4) {
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(),
                        depth + 1)));
            }
            return object;
        }
        return switch (type) {
            case "array" -> JSON.createArrayNode().add(sample(schema.path("items"), depth + 1));
            case "integer", "number" -> JSON.getNodeFactory().numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.getNodeFactory().textNode("x");
        };
    }

    /** JSON pointers of the leaves (scalars and arrays) of a document. */
    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(f -> leaves.addAll(leaves(f.getValue(), pointer + "/" + f.getKey())));
        } else if (!pointer.isEmpty()) {
            leaves.add(pointer);
        }
        return leaves;
    }

    private static List<String> objects(JsonNode node, String pointer) {
        List<String> objects = new ArrayList<>();
        if (node.isObject()) {
            objects.add(pointer);
            node.fields().forEachRemaining(f -> objects.addAll(objects(f.getValue(), pointer + "/" + f.getKey())));
        }
        return objects;
    }

    private static JsonNode replaced(JsonNode document, String pointer, JsonNode value) {
        JsonNode copy = document.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) copy.at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), value);
        return copy;
    }

    private Set<String> recorded(Set<String> requestIds) {
        Set<String> found = new HashSet<>();
        db.query(TestActors.allTenants(), "SELECT request_id FROM audit_records WHERE request_id = ANY($1::text[])",
                        Tuple.tuple().addArrayOfString(requestIds.toArray(String[]::new)))
                .await().indefinitely().forEach(row -> found.add(row.getString(0)));
        return found;
    }

    private static String describe(Call call) {
        return call.operation().method() + " " + call.operation().path() + " as " + call.user() + ", " + call.what();
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long seed() {
        String configured = System.getenv("CELLGATE_FUZZ_SEED");
        return configured != null ? Long.parseLong(configured) : Long.getLong("cellgate.fuzz.seed", DEFAULT_SEED);
    }
}
