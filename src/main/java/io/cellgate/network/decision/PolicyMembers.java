package io.cellgate.network.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the effective policy document (snake_case, as the decision view holds it): absent members are empty. */
final class PolicyMembers {
    private PolicyMembers() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> member(Map<String, Object> document, String name) {
        Object value = document.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** A limit in its units; -1: none. */
    static long limit(Map<String, Object> limit) {
        return limit.get("limit") instanceof Number n ? n.longValue() : -1;
    }

    /** A limit's warning thresholds (percent), ascending. */
    static List<Integer> warnPercents(Map<String, Object> limit) {
        List<Integer> warn = new ArrayList<>();
        for (Object percent : list(limit.get("warn_percent"))) {
            warn.add(((Number) percent).intValue());
        }
        warn.sort(null);
        return List.copyOf(warn);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(Object::toString).toList();
    }
}
