package io.cellgate.sms;

import io.cellgate.common.Page;
import io.cellgate.common.PageRequest;
import io.cellgate.common.id.Iccid;
import io.cellgate.identity.Caller;
import io.cellgate.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's SMS, both ways (README, "SMS"). */
@Path("/api/v1/sms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR, Roles.TENANT_VIEWER})
@Tag(name = "SMS")
@SecurityRequirement(name = "bearer")
public class SmsResource {
    @Inject
    SmsService sms;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listSms", summary = "The tenant's messages, both ways, newest first")
    public Uni<Page<SmsView>> list(@QueryParam("iccid") @Parameter(description = "Only this SIM's messages") Iccid iccid,
                                   @Valid @BeanParam SmsFilter filter, @Valid @BeanParam PageRequest page) {
        return sms.list(caller.actor(), iccid, filter.status(), filter.direction(), page.limit(),
                page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSms", summary = "A message with its parts and what happened to it")
    public Uni<SmsView> get(@PathParam("id") UUID id) {
        return sms.get(caller.actor(), id);
    }
}
