package io.cellgate.network.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DataPolicyTest {

    @Test
    void destinationsBecomeIpFilterRulesThatEndInADeny() {
        DataPolicy policy = DataPolicy.of(Map.of("data", Map.of("destinations", List.of(
                Map.of("cidr", "203.0.113.0/24", "ports", List.of("443", "5683-5684")),
                Map.of("cidr", "198.51.100.7/32")))));
        assertEquals(List.of(
                "permit in tcp from any to 203.0.113.0/24 443,5683-5684",
                "permit out tcp from 203.0.113.0/24 443,5683-5684 to any",
                "permit in udp from any to 203.0.113.0/24 443,5683-5684",
                "permit out udp from 203.0.113.0/24 443,5683-5684 to any",
                "permit in ip from any to 198.51.100.7/32",
                "permit out ip from 198.51.100.7/32 to any",
                "deny in ip from any to any",
                "deny out ip from any to any"), policy.filterRules());
    }

    @Test
    void anEmptyPolicyAllowsEverythingAndHasNoLimit() {
        DataPolicy policy = DataPolicy.of(Map.of());
        assertTrue(policy.enabled());
        assertTrue(policy.apnAllowed("anything"));
        assertEquals(List.of(), policy.filterRules());
        assertFalse(policy.hasDataLimit());
    }

    @Test
    void equalPoliciesCompileToEqualValues() {
        Map<String, Object> document = Map.of("data", Map.of("apns", List.of("b", "a")),
                "limits", Map.of("data_bytes", Map.of("limit", 10, "warn_percent", List.of(90, 50))));
        assertEquals(DataPolicy.of(document), DataPolicy.of(document));
        assertEquals(List.of(50, 90), DataPolicy.of(document).warnPercents());
    }
}
