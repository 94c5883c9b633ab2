package io.cellgate.events;

import io.cellgate.common.id.Iccid;
import java.time.Instant;
import java.util.List;

/** Which of a tenant's events a reader wants: of these types (empty: all), of one SIM, from a time on. */
record EventFilter(List<EventType> types, Iccid iccid, Instant since) {
    EventFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
