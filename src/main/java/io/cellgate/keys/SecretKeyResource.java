package io.cellgate.keys;

import io.cellgate.common.crypto.ResealedSecrets;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.cellgate.nas.NasClientService;
import io.cellgate.webhooks.WebhookService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The keys that seal secrets at rest (CELLGATE_RADIUS_SECRET_KEY, CELLGATE_WEBHOOKS_SECRET_KEY). A key is rotated in
 * three steps: every replica gets the new key with the old one as the previous key, this call moves every stored
 * secret to the new key, and the previous key is removed once the call finds nothing left to move.
 */
@Path("/api/v1/admin/secret-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CARRIER_OPS)
@Tag(name = "Admin: secret keys")
@SecurityRequirement(name = "bearer", scopes = Roles.CARRIER_OPS)
public class SecretKeyResource {
    @Inject
    NasClientService nasClients;
    @Inject
    WebhookService webhooks;
    @Inject
    Caller caller;

    @Schema(name = "ResealReport")
    public record ResealReport(
            @Schema(description = "One entry per kind of stored secret", maxItems = 2) List<ResealedSecrets> secrets) {
    }

    @POST
    @Path("/reseal")
    @Operation(operationId = "resealSecrets", summary = "Seal every stored secret under the current keys",
            description = "NAS clients' shared secrets and webhooks' signing secrets sealed under the previous key"
                    + " (CELLGATE_RADIUS_PREVIOUS_SECRET_KEY, CELLGATE_WEBHOOKS_PREVIOUS_SECRET_KEY) are sealed"
                    + " under the current one; the secrets themselves do not change. Safe to repeat: once it"
                    + " reports nothing resealed and nothing unreadable, the previous keys can be removed. Run it"
                    + " after every replica has the new keys. Recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "What was found, by kind of secret")
    public Uni<ResealReport> reseal() {
        return nasClients.resealSecrets(caller.actor()).flatMap(nas -> webhooks.resealSecrets(caller.actor())
                .map(hooks -> new ResealReport(List.of(nas, hooks))));
    }
}
