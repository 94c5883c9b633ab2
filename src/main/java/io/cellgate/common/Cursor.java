package io.cellgate.common;

import io.cellgate.common.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * Opaque keyset cursors: the sort key of the last item, base64url-encoded with a version prefix. A cursor comes back
 * from the client, so it is checked like any input: one this API did not make is a 422 naming {@code cursor}.
 */
public final class Cursor {
    public static final int MAX_LENGTH = 1000;
    public static final String PATTERN = "^[A-Za-z0-9_-]+$";
    private static final String PREFIX = "c1:";

    private Cursor() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The last key of the previous page, or null for the first page. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() <= MAX_LENGTH) {
                String raw = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
                if (raw.startsWith(PREFIX) && raw.length() > PREFIX.length()
                        && UntrustedText.problem(raw, false) == null) {
                    return raw.substring(PREFIX.length());
                }
            }
        } catch (IllegalArgumentException | CharacterCodingException ignored) {
            // falls through to the problem below
        }
        throw invalid();
    }

    /** The last key of the previous page as the list's key type, or null for the first page. */
    public static <T> T decode(String cursor, Function<String, T> key) {
        String raw = decode(cursor);
        if (raw == null) {
            return null;
        }
        try {
            return key.apply(raw);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "not a cursor returned by this API");
    }
}
