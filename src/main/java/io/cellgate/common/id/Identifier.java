package io.cellgate.common.id;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An identifier from outside (a request, a packet, a file) that was checked once, when it was made: an instance is
 * always valid. Two identifiers are equal when they are of the same kind with the same value. In JSON, and in text,
 * an identifier is its value.
 */
public abstract class Identifier {
    private final String value;

    /** Refuses {@code value} with {@code error} when there is one. */
    protected Identifier(String value, String error) {
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        this.value = value;
    }

    @JsonValue
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((Identifier) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }

    /** Whether {@code value} has between {@code min} and {@code max} characters, all decimal digits. */
    protected static boolean digits(String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
