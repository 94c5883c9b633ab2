package io.cellgate.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellgate.common.problem.ProblemException;
import java.util.Iterator;
import java.util.Map;

/** RFC 7396 JSON merge patch: objects merge, null removes a member, anything else replaces. */
public final class JsonMergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";
    private JsonMergePatch() {
    }

    /** A patch must be an object whose members are all among {@code allowed}; the first other one is named. */
    public static void requireMembers(JsonNode patch, java.util.Set<String> allowed) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "a JSON object (merge patch)");
        }
        Iterator<String> names = patch.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(name, "unknown or read-only field");
            }
        }
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
