package io.cellgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each value of an effective policy comes from. The merge itself happens in the database (it feeds the decision
 * view); here it is enough to ask, leaf by leaf, who has the value: the SIM, else the profile, else the defaults.
 */
final class PolicySources {
    private PolicySources() {
    }

    static Map<String, String> of(JsonNode effective, JsonNode profilePolicy, String profileName, JsonNode overrides) {
        Map<String, String> sources = new TreeMap<>();
        walk(effective, "", profilePolicy, profileName == null ? null : "profile:" + profileName, overrides, sources);
        return sources;
    }

    private static void walk(JsonNode node, String path, JsonNode profile, String profileSource, JsonNode overrides,
                             Map<String, String> sources) {
        if (node.isObject() && node.size() > 0) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                walk(field.getValue(), child, profile, profileSource, overrides, sources);
            }
            return;
        }
        if (has(overrides, path)) {
            sources.put(path, "sim");
        } else if (profileSource != null && has(profile, path)) {
            sources.put(path, profileSource);
        } else {
            sources.put(path, "default");
        }
    }

    private static boolean has(JsonNode document, String path) {
        JsonNode node = document;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return false;
            }
            node = node.get(part);
        }
        return node != null && !node.isNull();
    }
}
