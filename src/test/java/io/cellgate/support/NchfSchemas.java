package io.cellgate.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The 3GPP data model of Nchf_ConvergedCharging v3 for the members online charging uses
 * (src/test/resources/nchf/nchf-converged-charging-v3.schema.json): what a network function sends and what it is
 * answered must conform to it.
 */
public final class NchfSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DEFINITIONS = read();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private NchfSchemas() {
    }

    /** Fails unless the value (a Map from a request builder, or a response body) conforms to the named type. */
    public static void assertConforms(String type, Object value) {
        JsonNode node = value instanceof String text ? readTree(text) : JSON.valueToTree(value);
        ObjectNode root = JSON.createObjectNode();
        root.put("$ref", "#/$defs/" + type);
        root.set("$defs", DEFINITIONS.get("$defs"));
        Schema schema = REGISTRY.getSchema(root);
        var errors = schema.validate(node);
        assertTrue(errors.isEmpty(), () -> node + " does not conform to 3GPP " + type + ": " + errors);
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read() {
        try (InputStream in = NchfSchemas.class.getResourceAsStream("/nchf/nchf-converged-charging-v3.schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
