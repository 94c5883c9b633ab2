package io.cellgate.sms;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.web.ClientKeys;
import io.cellgate.common.web.IdempotencyKeys;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A2P SMS to one of the tenant's SIMs (README, "SMS"), and the SIM's messages both ways. */
@Path("/api/v1/sims/{iccid}/sms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMS")
@SecurityRequirement(name = "bearer")
public class SimSmsResource {
    @Inject
    SmsService sms;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR})
    @Operation(operationId = "sendSms", summary = "Send an SMS to the SIM's device",
            description = "Checked, counted against the SIM's monthly SMS limit (each part counts) and queued in one"
                    + " step; then submitted to the SMSC at the tenant's SMS throughput, and its status follows the"
                    + " delivery receipts (sms.status_changed events). A retry with the same Idempotency-Key returns"
                    + " the same message.")
    @APIResponse(responseCode = "201", description = "Queued (or the message queued earlier with this Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = SmsView.class)))
    @APIResponse(responseCode = "404", description = "No such SIM")
    @APIResponse(responseCode = "409", description = "The SIM is not active or has no MSISDN (sim-not-active), its"
            + " policy blocks SMS to it (sms-mt-disabled), or its monthly SMS limit has no room (sms-limit-reached)")
    @APIResponse(responseCode = "422", description = "Invalid, or more than 10 parts (sms-too-long)")
    @APIResponse(responseCode = "429", description = "The tenant's SMS throughput is used up"
            + " (sms-throughput-exceeded); retry after Retry-After seconds")
    public Uni<Response> send(@PathParam("iccid") Iccid iccid,
                              @HeaderParam(IdempotencyKeys.HEADER) @NotNull @Size(min = 1, max = ClientKeys.MAX_LENGTH)
                              @Pattern(regexp = ClientKeys.PATTERN, message = ClientKeys.RULE)
                              @Parameter(description = IdempotencyKeys.SMS_DESCRIPTION, required = true)
                              String idempotencyKey,
                              @NotNull @Valid SendSmsRequest body) {
        return sms.send(caller.actor(), iccid, body, idempotencyKey).map(sent -> Response.created(
                URI.create("/api/v1/sms/" + sent.id())).entity(sent).build());
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
    @Operation(operationId = "listSimSms", summary = "The SIM's messages, both ways, newest first")
    public Uni<Page<SmsView>> list(@PathParam("iccid") Iccid iccid, @Valid @BeanParam SmsFilter filter,
                                   @Valid @BeanParam PageRequest page) {
        return sms.list(caller.actor(), iccid, filter.status(), filter.direction(), page.limit(), page.cursor());
    }
}
