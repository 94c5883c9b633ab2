package io.cellgate.common.json;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Dotted field paths ({@code policy.data.apns[2]}) for problems about JSON input. */
public final class JsonPaths {
    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            append(path, ref.getFieldName(), ref.getIndex());
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Where a parser stood, e.g. when it met bytes that are not JSON. */
    public static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            append(path, c.inObject() ? c.getCurrentName() : null, c.inArray() ? Math.max(0, c.getCurrentIndex()) : -1);
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static String join(String prefix, String path) {
        if (prefix.isEmpty() || path.equals("body")) {
            return prefix.isEmpty() ? path : prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    private static void append(StringBuilder path, String field, int index) {
        if (field != null) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(field);
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }
}
