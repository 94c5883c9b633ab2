package io.cellgate.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cellgate.common.UntrustedText;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Every string of a JSON body is judged as it is read, wherever it stands (a field, a map key, a list element, a
 * document kept as a tree): a NUL, another control character or an unpaired surrogate is refused with a 422 naming
 * the field, before any code could hand it to the database. Tab, line feed and carriage return are allowed.
 */
final class UntrustedStrings extends SimpleModule {

    UntrustedStrings() {
        super("untrusted-strings");
        addDeserializer(String.class, new Strings());
        addKeyDeserializer(String.class, new Keys());
        addDeserializer(JsonNode.class, new Trees());
    }

    private static IllegalArgumentException refusal(String text) {
        String problem = UntrustedText.problem(text, true);
        return problem == null ? null : new IllegalArgumentException(problem);
    }

    private static final class Strings extends StdDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            IllegalArgumentException refused = text == null ? null : refusal(text);
            if (refused != null) {
                throw JsonMappingException.from(parser, refused.getMessage(), refused);
            }
            return text;
        }
    }

    private static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            IllegalArgumentException refused = refusal(key);
            if (refused != null) {
                throw JsonMappingException.from(context, "keys " + refused.getMessage(), refused);
            }
            return key;
        }
    }

    /** Trees (bodies read as JsonNode, such as merge patches) are checked as a whole once read, naming the path. */
    private static final class Trees extends StdDeserializer<JsonNode> {
        private final JsonDeserializer<? extends JsonNode> plain = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = plain.deserialize(parser, context);
            Deque<Object> path = new ArrayDeque<>();
            IllegalArgumentException refused = find(tree, path);
            if (refused != null) {
                JsonMappingException e = JsonMappingException.from(parser, refused.getMessage(), refused);
                for (Iterator<Object> parts = path.iterator(); parts.hasNext(); ) {
                    Object part = parts.next();
                    e.prependPath(part instanceof Integer index ? new JsonMappingException.Reference(tree, index)
                            : new JsonMappingException.Reference(tree, (String) part));
                }
                throw e;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return plain.getNullValue(context);
        }

        /** The first refused text below {@code node}; {@code path} then holds where it is, innermost first. */
        private static IllegalArgumentException find(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return refusal(node.textValue());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    IllegalArgumentException refused = find(node.get(i), path);
                    if (refused != null) {
                        path.addLast(i);
                        return refused;
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                IllegalArgumentException refused = refusal(field.getKey());
                if (refused != null) {
                    return new IllegalArgumentException("keys " + refused.getMessage()); // named by the object
                }
                refused = find(field.getValue(), path);
                if (refused != null) {
                    path.addLast(field.getKey());
                    return refused;
                }
            }
            return null;
        }
    }
}
