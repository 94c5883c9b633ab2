package io.cellgate.common;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Dotted field paths ({@code policy.data.apns[2]}) for problems about JSON input. */
public final class JsonPaths {
    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static String join(String prefix, String path) {
        if (prefix.isEmpty() || path.equals("body")) {
            return prefix.isEmpty() ? path : prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }
}
