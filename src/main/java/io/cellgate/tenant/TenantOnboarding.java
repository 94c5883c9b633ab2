package io.cellgate.tenant;

import io.cellgate.common.Actor;
import io.cellgate.identity.InviteUserRequest;
import io.cellgate.identity.TenantRole;
import io.cellgate.identity.TenantUsers;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Creates a tenant and, when asked, its first admin in the identity provider, so the tenant is usable at once. If the
 * identity provider fails, the new (still empty) tenant is removed again: no tenant without its admin.
 */
@ApplicationScoped
public class TenantOnboarding {
    @Inject
    TenantService tenants;
    @Inject
    TenantUsers users;

    public Uni<TenantView> create(Actor actor, CreateTenantRequest request) {
        Uni<TenantView> created = tenants.create(actor, request);
        CreateTenantRequest.FirstAdmin admin = request.firstAdmin();
        if (admin == null) {
            return created;
        }
        InviteUserRequest invite = new InviteUserRequest(admin.username(), admin.email(), admin.firstName(),
                admin.lastName(), List.of(TenantRole.TENANT_ADMIN));
        // the identity provider's admin client blocks: call it on a worker, then come back to this request's context
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return created.flatMap(tenant -> Uni.createFrom().item(() -> users.invite(tenant.id(), invite))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .map(tenant::withFirstAdmin)
                .onFailure().call(e -> tenants.deleteNew(actor, tenant.id())));
    }
}
