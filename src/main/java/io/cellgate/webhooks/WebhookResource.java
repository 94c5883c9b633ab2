package io.cellgate.webhooks;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's webhooks (README, "Webhooks"): tenant admins register, change, test and inspect them. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer", scopes = Roles.TENANT_ADMIN)
public class WebhookResource {
    @Inject
    WebhookService webhooks;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createWebhook", summary = "Register an endpoint for the tenant's events",
            description = "The answer carries the signing secret, this once. Deliveries are signed as Standard"
                    + " Webhooks 1.0 sign them (webhook-id, webhook-timestamp, webhook-signature).")
    @APIResponse(responseCode = "201", description = "Created, with the secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "409", description = "The tenant has its 20 webhooks already (quota-exceeded)")
    public Uni<Response> create(@NotNull @Valid CreateWebhookRequest body) {
        return webhooks.create(caller.actor(), body).map(created -> Response.created(
                URI.create("/api/v1/webhooks/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The tenant's webhooks, newest first")
    public Uni<Page<WebhookView>> list(@Valid @BeanParam PageRequest page) {
        return webhooks.list(caller.actor(), page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "A webhook (never its secret), with why it was disabled, if it"
            + " was")
    public Uni<WebhookView> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.actor(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateWebhook", summary = "Change a webhook's URL, event types, description, or enable"
            + " it again")
    public Uni<WebhookView> update(@PathParam("id") UUID id, @NotNull @Valid UpdateWebhookRequest body) {
        return webhooks.update(caller.actor(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook and its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return webhooks.delete(caller.actor(), id).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook a new signing secret",
            description = "The answer carries the new secret, this once. The old one stays valid for grace_seconds"
                    + " (a day by default): meanwhile every delivery carries both signatures, so the receiver can"
                    + " switch at its own pace.")
    public Uni<WebhookView> rotateSecret(@PathParam("id") UUID id, @Valid RotateWebhookSecretRequest body) {
        return webhooks.rotateSecret(caller.actor(), id, body == null ? null : body.graceSeconds());
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "testWebhook", summary = "Send a webhook.test event to this webhook",
            description = "Delivered like any event, within moments; see its delivery under deliveries.")
    @APIResponse(responseCode = "202", description = "Queued; the answer names the event",
            content = @Content(schema = @Schema(implementation = TestEventView.class)))
    @APIResponse(responseCode = "409", description = "The webhook is disabled")
    public Uni<Response> test(@PathParam("id") UUID id) {
        return webhooks.test(caller.actor(), id).map(event -> Response.accepted(new TestEventView(event)).build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries, newest first, each with every"
            + " attempt: status, latency, response code, the start of the response body")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
                                             @QueryParam("state") @Pattern(regexp = "^(pending|sending|succeeded|failed)$",
                                                     message = "pending, sending, succeeded or failed")
                                             @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                                                     "pending", "sending", "succeeded", "failed"})) String state,
                                             @Valid @BeanParam PageRequest page) {
        return deliveries.list(caller.actor(), id, state, page.limit(), page.cursor());
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/retry")
    @APIResponse(responseCode = "200", description = "The delivery, due again")
    @Operation(operationId = "retryWebhookDelivery", summary = "Send a delivery again now",
            description = "A failed (or succeeded, or waiting) delivery is due at once, with a new retry period.")
    @APIResponse(responseCode = "409", description = "The delivery is being sent")
    public Uni<DeliveryView> retry(@PathParam("id") UUID id,
                                   @PathParam("delivery") @Min(1) @Max(Long.MAX_VALUE) long delivery) {
        return deliveries.retry(caller.actor(), id, delivery);
    }

    /** The answer to a test: the event queued. */
    @Schema(name = "WebhookTestQueued")
    public record TestEventView(UUID eventId) {
    }
}
