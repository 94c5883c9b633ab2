package io.cellgate.identity;

import io.cellgate.common.Problem;
import io.cellgate.common.ProblemMappers;
import io.cellgate.common.ProblemType;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Enforces {@link MfaPolicy} on every request, after authentication and before the resource runs. */
public class MfaFilter {
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    Caller caller;

    @ServerRequestFilter
    public Uni<Response> requireMfa(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!MfaPolicy.requiresMfa(request.getMethod(), path)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken) || caller.hasMfa()) {
                return null;
            }
            return ProblemMappers.respond(Problem.of(ProblemType.MFA_REQUIRED, request.getMethod() + " " + path
                    + " needs a login with a second factor (TOTP); service accounts cannot call it", path, Map.of()));
        }).onFailure().recoverWithNull();
    }
}
