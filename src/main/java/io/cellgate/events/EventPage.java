package io.cellgate.events;

import io.cellgate.common.Cursor;
import io.cellgate.common.PageRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the event stream: unlike other lists, it always says where to go on from, also on the last page. */
@Schema(name = "EventPage")
public record EventPage(
        @Schema(description = "Up to limit events, in the order of the transactions that wrote them (a SIM's own"
                + " order is its events' sequence)", maxItems = PageRequest.MAX_LIMIT)
        List<EventView> items,
        @Schema(description = "Pass as cursor to get the events after these; always present, also when there are none"
                + " yet (then it is the cursor that was passed)", maxLength = Cursor.MAX_LENGTH,
                pattern = Cursor.PATTERN) String nextCursor,
        @Schema(description = "More events are already there: ask again at once") boolean hasMore) {
}
