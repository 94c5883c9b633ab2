package io.cellgate.network.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data part of a SIM's effective policy, compiled once and shared by every SIM whose policy is the same: which APNs
 * it may use, the destinations it may reach as NAS-Filter-Rule rules (RFC 4849), and its monthly data limit.
 *
 * @param apns            allowed APNs, lower case; empty: any
 * @param filterRules     the destination allow-list as IPFilterRule rules; empty: no filter
 * @param dataLimitBytes  the monthly limit in bytes; -1: none
 * @param warnPercents    warning thresholds of the limit, ascending
 */
public record DataPolicy(boolean enabled, Set<String> apns, List<String> filterRules, long dataLimitBytes,
                         boolean throttleAtLimit, int throttleKbps, List<Integer> warnPercents) {

    /** Compiles the effective policy document (snake_case, as the decision view holds it). */
    @SuppressWarnings("unchecked")
    public static DataPolicy of(Map<String, Object> policy) {
        Map<String, Object> data = PolicyMembers.member(policy, "data");
        Map<String, Object> limit = PolicyMembers.member(PolicyMembers.member(policy, "limits"), "data_bytes");
        Set<String> apns = new TreeSet<>();
        for (Object apn : PolicyMembers.list(data.get("apns"))) {
            apns.add(apn.toString().toLowerCase(Locale.ROOT));
        }
        List<String> rules = new ArrayList<>();
        for (Object destination : PolicyMembers.list(data.get("destinations"))) {
            Map<String, Object> allowed = (Map<String, Object>) destination;
            rules.addAll(allowRules(allowed.get("cidr").toString(), PolicyMembers.list(allowed.get("ports"))));
        }
        if (!rules.isEmpty()) {
            rules.add("deny in ip from any to any");
            rules.add("deny out ip from any to any");
        }
        Object throttle = data.get("throttle_kbps");
        return new DataPolicy(!Boolean.FALSE.equals(data.get("enabled")), Set.copyOf(apns), List.copyOf(rules),
                PolicyMembers.limit(limit), "throttle".equals(limit.get("action")),
                throttle instanceof Number n ? n.intValue() : 0, PolicyMembers.warnPercents(limit));
    }

    public boolean apnAllowed(String apn) {
        return apns.isEmpty() || apn != null && apns.contains(apn.toLowerCase(Locale.ROOT));
    }

    public boolean hasDataLimit() {
        return dataLimitBytes >= 0;
    }

    /**
     * "in" is traffic from the device, "out" traffic to it (IPFilterRule, RFC 6733 §4.3). A destination with ports
     * allows TCP and UDP to those ports and their answers; one without allows any IP traffic with it.
     */
    private static List<String> allowRules(String cidr, List<Object> ports) {
        if (ports.isEmpty()) {
            return List.of("permit in ip from any to " + cidr, "permit out ip from " + cidr + " to any");
        }
        String portList = String.join(",", ports.stream().map(Object::toString).toList());
        List<String> rules = new ArrayList<>();
        for (String protocol : List.of("tcp", "udp")) {
            rules.add("permit in " + protocol + " from any to " + cidr + " " + portList);
            rules.add("permit out " + protocol + " from " + cidr + " " + portList + " to any");
        }
        return rules;
    }
}
