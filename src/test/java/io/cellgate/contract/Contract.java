package io.cellgate.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The published contract (openapi/openapi.yaml), read as data: its operations and their schemas. */
final class Contract {
    private final JsonNode document;

    private Contract(JsonNode document) {
        this.document = document;
    }

    static Contract published() {
        try {
            return new Contract(new YAMLMapper().readTree(Path.of("openapi/openapi.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation: its path template and method, as the contract declares them. */
    record Operation(String path, String method, JsonNode node) {
        String id() {
            return node.path("operationId").asText(method + " " + path);
        }

        boolean isCarrierOps() {
            return path.startsWith("/api/v1/admin/");
        }

        boolean isMutating() {
            return !method.equals("GET");
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        Set<Integer> declaredStatuses() {
            Set<Integer> statuses = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
            return statuses;
        }

        /** The media types of the body it takes, and of its successful answer. */
        List<String> consumes() {
            return names(node.path("requestBody").path("content"));
        }

        List<String> produces() {
            for (Iterator<Map.Entry<String, JsonNode>> r = node.path("responses").fields(); r.hasNext(); ) {
                Map.Entry<String, JsonNode> response = r.next();
                if (response.getKey().startsWith("2") && response.getValue().has("content")) {
                    return names(response.getValue().path("content"));
                }
            }
            return List.of("application/json");
        }

        JsonNode bodySchema(String mediaType) {
            return node.path("requestBody").path("content").path(mediaType).path("schema");
        }

        private static List<String> names(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.add(new Operation(path.getKey(), method.getKey().toUpperCase(), method.getValue()))));
        return operations;
    }

    /** The schema itself, or the one its {@code $ref} names; the name of that component, if any, in {@code name}. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
