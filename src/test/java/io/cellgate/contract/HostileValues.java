package io.cellgate.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** What an attacker puts into a parameter or a field: each value with a name for the report. */
final class HostileValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A hostile value as text (for a path, query or header parameter), already percent-encoded for a URL. */
    record Text(String name, String encoded) {
    }

    /** A hostile value of a JSON field. */
    record Json(String name, JsonNode value) {
    }

    private HostileValues() {
    }

    static List<Text> texts() {
        return List.of(
                new Text("NUL", "a%00b"),
                new Text("control characters", "%01%1B%5B31m%7F"),
                new Text("10 kB string", "x".repeat(10_240)),
                new Text("invalid UTF-8", "%C3%28"),
                new Text("UTF-8 of a lone surrogate", "%ED%A0%80"),
                new Text("huge number", "9".repeat(400)),
                new Text("negative number", "-1"),
                new Text("wrong type", "%7B%22a%22%3A1%7D"),
                new Text("SQL", "%27%3B%20DROP%20TABLE%20sims%3B--"),
                new Text("path traversal", "..%2F..%2Fq%2Fhealth"));
    }

    static List<Json> jsons() {
        ArrayNode deep = NODES.arrayNode();
        ArrayNode inner = deep;
        for (int i = 0; i < 40; i++) {
            inner = inner.addArray();
        }
        return List.of(
                new Json("NUL", NODES.textNode("a\u0000b")),
                new Json("control characters", NODES.textNode("\u0001\u001b[31m\u007f\u0085")),
                new Json("lone surrogate", NODES.textNode("x\ud800y")),
                new Json("10 kB string", NODES.textNode("x".repeat(10_240))),
                new Json("wrong type: object", NODES.objectNode().put("a", 1)),
                new Json("wrong type: array", NODES.arrayNode().add("a")),
                new Json("wrong type: boolean", NODES.booleanNode(true)),
                new Json("wrong type: text", NODES.textNode("not a number")),
                new Json("deep nesting", deep),
                new Json("huge integer", NODES.numberNode(new BigInteger("9".repeat(39)))),
                new Json("huge exponent", NODES.numberNode(new BigDecimal("1E+400"))),
                new Json("negative", NODES.numberNode(-1)));
    }
}
