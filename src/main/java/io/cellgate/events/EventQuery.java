package io.cellgate.events;

import io.cellgate.common.id.Iccid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the event list and stream, as query parameters. */
public class EventQuery {
    @QueryParam("type")
    @Size(max = 20)
    @Parameter(description = "Only events of these types (repeat the parameter for several)")
    List<EventType> types;

    @QueryParam("iccid")
    @Parameter(description = "Only the events of this SIM")
    Iccid iccid;

    @QueryParam("since")
    @Parameter(description = "Only events from this time on (RFC 3339, inclusive)")
    Instant since;

    EventFilter filter() {
        return new EventFilter(types, iccid, since);
    }
}
