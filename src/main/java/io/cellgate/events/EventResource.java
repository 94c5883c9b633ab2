package io.cellgate.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.PageRequest;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's events: a cursor-paged list that can wait for the next ones (long polling), and a live stream (SSE). */
@Path("/api/v1/events")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "Events")
@SecurityRequirement(name = "bearer")
public class EventResource {
    private static final int STREAM_BATCH = 100;
    /** A stream says something at least this often, so that proxies keep it open. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    @Inject
    EventQueries events;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "cellgate.events.stream-max-duration", defaultValue = "15m")
    Duration streamMaxDuration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEvents", summary = "The tenant's events, oldest first, from a cursor on",
            description = "Oldest first. next_cursor is always there: pass it to get the events after these. With"
                    + " wait, an empty answer waits up to that many seconds for the first new event (long polling).")
    public Uni<EventPage> list(@Valid @BeanParam EventQuery query, @Valid @BeanParam PageRequest page,
                               @QueryParam("wait") @DefaultValue("0") @Min(0) @Max(60)
                               @Parameter(description = "Seconds to wait for events when there are none yet, 0-60")
                               Integer wait) {
        return events.next(caller.actor(), query.filter(), page.limit(), page.cursor(), Duration.ofSeconds(wait))
                .map(EventQueries.Batch::page);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-Sent Events: each event's name is its type, its id the"
            + " cursor after it, its data the Event as JSON. A comment every 15 s keeps the connection open; the"
            + " stream ends after cellgate.events.stream-max-duration (15 minutes by default): reconnect with"
            + " Last-Event-ID.", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100_000_000)))
    @Operation(operationId = "streamEvents", summary = "The tenant's events as they are committed (Server-Sent Events)",
            description = "Starts after the cursor (or Last-Event-ID, which a reconnecting client sends), else at the"
                    + " first kept event; the filters are those of the list.")
    public Multi<OutboundSseEvent> stream(@Valid @BeanParam EventQuery query,
                                          @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH)
                                          @Pattern(regexp = Cursor.PATTERN, message = "not a cursor returned by this API")
                                          @Parameter(description = "Where to start: a cursor of the list or stream")
                                          String cursor,
                                          @HeaderParam("Last-Event-ID") @Size(max = Cursor.MAX_LENGTH)
                                          @Pattern(regexp = Cursor.PATTERN, message = "not an id of this stream")
                                          @Parameter(description = "The id of the last event received; wins over"
                                                  + " cursor") String lastEventId,
                                          @Context Sse sse) {
        Actor actor = caller.actor();
        EventFilter filter = query.filter();
        AtomicReference<String> position = new AtomicReference<>(lastEventId != null ? lastEventId : cursor);
        EventQueries.positionOf(position.get());
        long end = System.nanoTime() + streamMaxDuration.toNanos();
        return Multi.createBy().repeating()
                .uni(() -> events.next(actor, filter, STREAM_BATCH, position.get(), KEEP_ALIVE)
                        .invoke(batch -> position.set(batch.nextCursor())))
                .whilst(batch -> System.nanoTime() < end)
                .onItem().transformToIterable(batch -> batch.events().isEmpty()
                        ? List.of(sse.newEventBuilder().comment("keep-alive").build())
                        : batch.events().stream().map(read -> sse.newEventBuilder().id(read.cursor())
                                .name(read.event().type().apiName()).data(encode(read.event())).build()).toList());
    }

    private String encode(EventView event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
