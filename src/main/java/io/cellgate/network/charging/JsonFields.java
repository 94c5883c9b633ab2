package io.cellgate.network.charging;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellgate.common.UntrustedText;
import io.cellgate.network.charging.NchfProblem.InvalidParam;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the members of a request's JSON as the 3GPP data types define them (Uint32, Uint64, DateTime, bounded text),
 * collecting what is wrong with each under its path ({@code multipleUnitUsage/0/ratingGroup}) instead of stopping at
 * the first. Members a reader does not ask for are ignored, as 3GPP requires of unknown ones.
 */
final class JsonFields {
    static final long UINT32_MAX = 4_294_967_295L;
    private static final int MAX_TEXT = 256;

    private final List<InvalidParam> invalid = new ArrayList<>();

    List<InvalidParam> invalid() {
        return invalid;
    }

    /** The object at this member, or null when it is absent (and required says whether that is wrong). */
    JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = present(parent, name, path, required);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            invalid.add(new InvalidParam(path, "must be an object"));
            return null;
        }
        return node;
    }

    /** The elements of an array member (none when absent), at most {@code max}. */
    List<JsonNode> array(JsonNode parent, String name, String path, int max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > max) {
            invalid.add(new InvalidParam(path, "must be an array of at most " + max + " elements"));
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    /** A non-negative integer up to {@code max} (Uint32: 4294967295, Uint64 as far as Java's long goes), or null. */
    Long unsigned(JsonNode parent, String name, String path, long max, boolean required) {
        JsonNode node = present(parent, name, path, required);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0 || node.asLong() > max) {
            invalid.add(new InvalidParam(path, "must be an integer from 0 to " + max));
            return null;
        }
        return node.asLong();
    }

    /** Text without control characters, at most 256 characters, or null. */
    String text(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = present(parent, name, path, required);
        if (node == null) {
            return null;
        }
        String problem = !node.isTextual() ? "must be a string"
                : node.asText().isEmpty() || node.asText().length() > MAX_TEXT ? "must be 1 to " + MAX_TEXT
                        + " characters" : UntrustedText.problem(node.asText(), false);
        if (problem != null) {
            invalid.add(new InvalidParam(path, problem));
            return null;
        }
        return node.asText();
    }

    /** An RFC 3339 date-time (3GPP DateTime). */
    OffsetDateTime dateTime(JsonNode parent, String name, String path, boolean required) {
        String text = text(parent, name, path, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            invalid.add(new InvalidParam(path, "must be an RFC 3339 date-time, e.g. 2026-12-04T10:15:30Z"));
            return null;
        }
    }

    boolean flag(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node != null && !node.isNull() && !node.isBoolean()) {
            invalid.add(new InvalidParam(path, "must be true or false"));
        }
        return node != null && node.asBoolean(false);
    }

    /** The member, or null when it is absent or null (which a required member may not be). */
    private JsonNode present(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                invalid.add(new InvalidParam(path, "missing"));
            }
            return null;
        }
        return node;
    }

    void refuse(String path, String reason) {
        invalid.add(new InvalidParam(path, reason));
    }
}
