package io.cellgate.common;

/**
 * Text from outside, judged before anything stores it: PostgreSQL refuses a NUL byte and cannot hold half of a UTF-16
 * surrogate pair, and control characters have no place in an identifier, a name or a header. A refused value is still
 * recorded in the audit trail, escaped ({@link #forRecord}).
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /**
     * Why {@code text} cannot be accepted, or null when it can: a NUL or another control character (C0, DEL, C1; tab,
     * line feed and carriage return are allowed where {@code multiline}), or a surrogate that is not half of a pair.
     */
    public static String problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain NUL characters";
            }
            if (isControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return "must not contain control characters";
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return "must not contain unpaired UTF-16 surrogates";
                }
            }
        }
        return null;
    }

    /**
     * {@code text} as it may be recorded whatever it holds: a backslash, a control character or an unpaired
     * surrogate becomes a {@code \}{@code uXXXX} escape (a backslash {@code \\}), and text longer than
     * {@code maxLength} characters is cut there and marked with how long it was.
     */
    public static String forRecord(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (isControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out.append("...(").append(text.length()).append(" characters)").toString()
                : out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }
}
