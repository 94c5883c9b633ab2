package io.cellgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.cellgate.common.json.JsonConfig;
import io.cellgate.common.problem.FieldError;
import io.cellgate.common.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A policy document is checked as a whole, and every offending field is named under its prefix. */
@Tag("unit")
class PolicyValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    static {
        new JsonConfig().customize(JSON);
    }

    @Test
    void aValidDocumentParses() {
        PolicyDocument policy = PolicyValidator.parse(JSON, node(Map.of(
                "data", Map.of("apns", List.of("iot.cellgate"), "throttle_kbps", 64,
                        "destinations", List.of(Map.of("cidr", "203.0.113.0/24", "ports", List.of("8883", "5683-5684")),
                                Map.of("cidr", "2001:db8::/32"))),
                "sms", Map.of("p2p_blocked", false, "p2p_allowed_numbers", List.of("+4915", "77777")),
                "limits", Map.of("data_bytes", Map.of("limit", 50_000_000, "action", "throttle", "warn_percent", List.of(80, 100))),
                "imei_lock", Map.of("mode", "locked", "imei", "356938035643809"))), "overrides", false);
        assertEquals(64, policy.data().throttleKbps());
        assertEquals(PolicyDocument.ImeiLockMode.LOCKED, policy.imeiLock().mode());
    }

    @Test
    void everyOffendingFieldIsNamed() {
        ProblemException refused = assertThrows(ProblemException.class, () -> PolicyValidator.parse(JSON, node(Map.of(
                "data", Map.of("apns", List.of("bad apn!"), "throttle_kbps", 1,
                        "destinations", List.of(Map.of("cidr", "10.1.2.3/8", "ports", List.of("443", "70000")))),
                "voice", Map.of("allowed_numbers", List.of("0049123")),
                "limits", Map.of("sms_count", Map.of("limit", 100, "action", "throttle", "warn_percent", List.of(0, 80)),
                        "data_bytes", Map.of("limit", 2_000_000_000_000_000L)),
                "imei_lock", Map.of("mode", "locked", "imei", "3569380356438091"))), "overrides", false));
        assertEquals(List.of("overrides.data.apns[0]", "overrides.data.destinations[0].cidr",
                "overrides.data.destinations[0].ports[1]", "overrides.data.throttle_kbps",
                "overrides.voice.allowed_numbers[0]", "overrides.limits.data_bytes.limit",
                "overrides.limits.sms_count.action", "overrides.limits.sms_count.warn_percent[0]",
                "overrides.imei_lock.imei"), fields(refused));
    }

    @Test
    void aProfileCannotLockToOneImei() {
        ProblemException refused = assertThrows(ProblemException.class, () -> PolicyValidator.parse(JSON,
                node(Map.of("imei_lock", Map.of("mode", "locked", "imei", "356938035643809"))), "policy", true));
        assertEquals(List.of("policy.imei_lock"), fields(refused));
    }

    @Test
    void unknownMembersAndWrongTypesAreNamed() {
        assertEquals(List.of("policy.data.speed"), fields(assertThrows(ProblemException.class,
                () -> PolicyValidator.parse(JSON, node(Map.of("data", Map.of("speed", 1))), "policy", true))));
        assertEquals(List.of("policy.sms.p2p_blocked"), fields(assertThrows(ProblemException.class,
                () -> PolicyValidator.parse(JSON, node(Map.of("sms", Map.of("p2p_blocked", "yes"))), "policy", true))));
    }

    @Test
    void aListIsAtMostAHundredEntries() {
        List<String> apns = java.util.Collections.nCopies(101, "iot.cellgate");
        assertEquals(List.of("overrides.data.apns"), fields(assertThrows(ProblemException.class,
                () -> PolicyValidator.parse(JSON, node(Map.of("data", Map.of("apns", apns))), "overrides", false))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ProblemException refused) {
        return ((List<FieldError>) refused.toProblem(null).errors).stream().map(FieldError::field).toList();
    }

    private static JsonNode node(Object value) {
        return JSON.valueToTree(value);
    }
}
