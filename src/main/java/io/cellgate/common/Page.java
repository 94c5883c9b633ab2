package io.cellgate.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. {@code next_cursor} is null on the last page. */
public record Page<T>(
        @Schema(description = "Up to limit items", maxItems = PageRequest.MAX_LIMIT) List<T> items,
        @Schema(description = "Pass as cursor for the next page; null on the last page",
                maxLength = Cursor.MAX_LENGTH, pattern = Cursor.PATTERN) String nextCursor) {

    /**
     * Builds a page from up to {@code limit + 1} rows: the extra row only tells that another page exists.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> sortKey) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursor.encode(sortKey.apply(items.get(limit - 1))));
    }
}
