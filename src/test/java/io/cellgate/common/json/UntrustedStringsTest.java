package io.cellgate.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every string of a JSON body is judged as it is read, and the refusal names where it stands. */
@Tag("unit")
class UntrustedStringsTest {
    record Named(String name, Map<String, String> labels, List<String> tags, JsonNode policy) {
    }

    private final ObjectMapper json = mapper();

    @Test
    void aNulAnywhereIsRefusedNamingItsField() {
        assertEquals("name", refusedAt("{\"name\": \"a\\u0000b\"}"));
        assertEquals("labels.site", refusedAt("{\"labels\": {\"site\": \"\\u0000\"}}"));
        assertEquals("labels", refusedAt("{\"labels\": {\"\\u0000\": \"x\"}}"));
        assertEquals("tags[1]", refusedAt("{\"tags\": [\"ok\", \"\\u0007\"]}"));
        assertEquals("policy.data.apns[0]", refusedAt("{\"policy\": {\"data\": {\"apns\": [\"\\ud800\"]}}}"));
        assertEquals("policy", refusedAt("{\"policy\": {\"x\\u0000\": 1}}"), "a refused key is named by its object");
    }

    @Test
    void ordinaryTextAndLineBreaksPass() throws Exception {
        Named named = json.readValue("{\"name\": \"Pump 17\\nnorth 😀\", \"policy\": {\"a\": [\"b\"]}}", Named.class);
        assertEquals("Pump 17\nnorth 😀", named.name());
        assertEquals("b", named.policy().path("a").get(0).asText());
    }

    @Test
    void deepNestingAndHugeNumbersStopTheParser() {
        String deep = "{\"policy\": " + "[".repeat(100) + "]".repeat(100) + "}";
        assertInstanceOf(StreamConstraintsException.class, rootCause(assertThrows(Exception.class,
                () -> json.readValue(deep, Named.class))));
        String huge = "{\"policy\": " + "9".repeat(100) + "}";
        assertInstanceOf(StreamConstraintsException.class, rootCause(assertThrows(Exception.class,
                () -> json.readValue(huge, Named.class))));
    }

    private String refusedAt(String body) {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> json.readValue(body, Named.class));
        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        return JsonPaths.of(refused);
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonConfig().customize(mapper);
        return mapper;
    }
}
