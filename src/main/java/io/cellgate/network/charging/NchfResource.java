package io.cellgate.network.charging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.UntrustedText;
import io.cellgate.common.json.JsonConfig;
import io.cellgate.common.problem.ProblemMappers;
import io.cellgate.common.web.RequestOrigin;
import io.cellgate.network.charging.NchfProblem.InvalidParam;
import io.cellgate.ports.ChargingPort.ChargingFunction;
import io.cellgate.ports.ChargingPort.Invocation;
import io.cellgate.ports.ChargingPort.Invocation.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Online charging as a converged charging function (CHF), modelled on 3GPP TS 32.291 Nchf_ConvergedCharging v3: a
 * network function creates a charging session for a SIM, updates it with what was used and what it asks for next, and
 * releases it. Only registered functions may ask: a client-credentials token with the realm role nf-charging, from a
 * client carrier ops registered (POST /api/v1/admin/charging-functions). The contract is 3GPP's, not Cellgate's API:
 * these operations are left out of openapi/openapi.yaml.
 */
@Path(NchfResource.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(NchfResource.ROLE)
public class NchfResource {
    static final String ROOT = "/nchf-convergedcharging/v3";
    static final String ROLE = "nf-charging";
    /** Far above any real ChargingDataRequest; the API's own limit is for imports. */
    private static final int MAX_BODY = 64 * 1024;
    /**
     * Bounded like the API's reader, but text is checked member by member (JsonFields), so that a NUL or a control
     * character is refused with the path of its member.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonConfig.MAX_NESTING)
                    .maxNumberLength(JsonConfig.MAX_NUMBER_LENGTH).maxStringLength(MAX_BODY).build()).build());

    @Inject
    OnlineCharging charging;
    @Inject
    ChargingDirectory directory;
    @Inject
    ChargingConfig config;
    @Inject
    JsonWebToken token;
    @Inject
    RequestOrigin origin;

    @POST
    @Path("/chargingdata")
    @Operation(hidden = true)
    public Uni<Response> create(byte[] body) {
        ChargingRequest request = read(body);
        UUID ref = UUID.randomUUID();
        return invoke(Invocation.Kind.CREATE, ref, request).map(outcome -> outcome == null
                ? Response.status(Response.Status.FORBIDDEN).entity(ChargingResponses.userUnknown(request)).build()
                : Response.created(URI.create(ROOT + "/chargingdata/" + ref))
                        .entity(ChargingResponses.of(request.sequence(), outcome.units(), config.validity())).build());
    }

    @POST
    @Path("/chargingdata/{ref}/update")
    @Operation(hidden = true)
    public Uni<Response> update(@PathParam("ref") String ref, byte[] body) {
        ChargingRequest request = read(body);
        return invoke(Invocation.Kind.UPDATE, session(ref), request).map(outcome -> Response.ok(
                ChargingResponses.of(request.sequence(), known(ref, outcome).units(), config.validity())).build());
    }

    @POST
    @Path("/chargingdata/{ref}/release")
    @Operation(hidden = true)
    public Uni<Response> release(@PathParam("ref") String ref, byte[] body) {
        ChargingRequest request = read(body);
        return invoke(Invocation.Kind.RELEASE, session(ref), request).map(outcome -> {
            known(ref, outcome);
            return Response.noContent().build();
        });
    }

    @ServerExceptionMapper
    public Response refused(NchfProblem problem, HttpServerRequest request) {
        return ProblemMappers.respond(problem.toProblem(request.path()));
    }

    private Uni<Outcome> invoke(Invocation.Kind kind, UUID ref, ChargingRequest request) {
        String clientId = token.getClaim("azp");
        if (clientId == null || token.getClaim("tenant") != null) {
            throw NchfProblem.forbidden("The token is not a network function's (client credentials, no tenant)");
        }
        return directory.function(clientId).flatMap(function -> {
            if (function == null) {
                throw NchfProblem.forbidden("Client " + clientId + " is not a registered charging function");
            }
            return charging.invoke(actor(function, kind), function, kind, ref, request)
                    .map(answer -> answer.outcome());
        });
    }

    private Actor actor(ChargingFunction function, Invocation.Kind kind) {
        Origin request = origin.get();
        return Actor.networkFunction("nf:" + function.name(), new Origin(request.method(), request.target(),
                "charging." + kind.name().toLowerCase(java.util.Locale.ROOT), request.clientIp(), request.userAgent(),
                request.requestId()));
    }

    private ChargingRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            throw NchfProblem.notJson("A ChargingDataRequest is required");
        }
        if (body.length > MAX_BODY) {
            throw NchfProblem.notJson("The request is larger than " + MAX_BODY + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw NchfProblem.notJson("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw NchfProblem.notJson("The body could not be read");
        }
        return ChargingRequest.read(node);
    }

    private static UUID session(String ref) {
        try {
            return UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            throw NchfProblem.unknownSession(UntrustedText.forRecord(ref, 40));
        }
    }

    /** The outcome of a session that exists, is this function's and is not over; else a 404 or a stale refusal. */
    private static Outcome known(String ref, Outcome outcome) {
        if (outcome == null || outcome.state() == Invocation.State.UNKNOWN) {
            throw NchfProblem.unknownSession(ref);
        }
        if (outcome.state() == Invocation.State.STALE) {
            throw NchfProblem.malformed(List.of(new InvalidParam("invocationSequenceNumber",
                    "must be above the last one of the session, " + outcome.lastSequence())));
        }
        return outcome;
    }
}
