package io.cellgate.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where a newest-first listing stopped: the last item's time and id, the key of its cursor ("time id"). The next page
 * holds the items with {@code (time, id) < (at, id)}.
 */
public record NewestFirst(OffsetDateTime at, UUID id) {

    public static NewestFirst of(Instant at, UUID id) {
        return new NewestFirst(at.atOffset(ZoneOffset.UTC), id);
    }

    /** Reads a cursor's key; anything else is an IllegalArgumentException (a 422 through {@link Cursor#decode}). */
    public static NewestFirst parse(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a position");
        }
        try {
            return new NewestFirst(OffsetDateTime.parse(text.substring(0, space)),
                    UUID.fromString(text.substring(space + 1)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return at + " " + id;
    }
}
