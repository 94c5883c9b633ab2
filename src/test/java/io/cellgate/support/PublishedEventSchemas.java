package io.cellgate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cellgate.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event schemas of the published contract (openapi/openapi.yaml), as a receiver would check events against it:
 * the Event itself, and its data against the schema its type names. A member that the schema does not declare fails
 * too, so the contract and what the database writes cannot drift apart.
 */
public final class PublishedEventSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode COMPONENTS = read().path("components");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private PublishedEventSchemas() {
    }

    /** Fails unless the event (as the API answered it) conforms to the contract. */
    public static void assertConforms(Map<String, Object> event) {
        JsonNode node = JSON.valueToTree(event);
        assertValid("Event", node);
        EventType type = EventType.fromApiName(node.path("type").asText());
        String dataSchema = type.data().getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class)
                .name();
        assertValid(dataSchema, node.path("data"));
        List<String> undeclared = new ArrayList<>();
        JsonNode declared = COMPONENTS.path("schemas").path(dataSchema).path("properties");
        node.path("data").fieldNames().forEachRemaining(name -> {
            if (!declared.has(name)) {
                undeclared.add(name);
            }
        });
        assertEquals(List.of(), undeclared, type.apiName() + " data members that " + dataSchema + " does not declare: "
                + node);
    }

    private static void assertValid(String schemaName, JsonNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$ref", "#/components/schemas/" + schemaName);
        root.set("components", COMPONENTS);
        Schema schema = REGISTRY.getSchema(root);
        var errors = schema.validate(value);
        assertTrue(errors.isEmpty(), () -> value + " does not conform to " + schemaName + ": " + errors);
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(Path.of("openapi/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
