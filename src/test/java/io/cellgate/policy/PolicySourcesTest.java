package io.cellgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Where each value of an effective policy comes from: the SIM, else the profile, else the defaults. */
@Tag("unit")
class PolicySourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachLeafNamesItsSource() {
        JsonNode effective = node(Map.of("voice", Map.of("enabled", true, "allowed_numbers", List.of("+49")),
                "sms", Map.of("p2p_blocked", true), "imei_lock", Map.of("mode", "locked", "imei", "356938035643809")));
        JsonNode profile = node(Map.of("voice", Map.of("enabled", true)));
        JsonNode overrides = node(Map.of("imei_lock", Map.of("mode", "locked", "imei", "356938035643809"),
                "voice", Map.of("allowed_numbers", List.of("+49"))));
        assertEquals(Map.of("voice.enabled", "profile:pumps", "voice.allowed_numbers", "sim",
                "sms.p2p_blocked", "default", "imei_lock.mode", "sim", "imei_lock.imei", "sim"),
                PolicySources.of(effective, profile, "pumps", overrides));
    }

    @Test
    void withoutAProfileEverythingIsTheSimsOrTheDefault() {
        JsonNode effective = node(Map.of("data", Map.of("enabled", false, "apns", List.of())));
        assertEquals(Map.of("data.enabled", "sim", "data.apns", "default"),
                PolicySources.of(effective, null, null, node(Map.of("data", Map.of("enabled", false)))));
    }

    private static JsonNode node(Object value) {
        return JSON.valueToTree(value);
    }
}
