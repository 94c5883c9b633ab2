package io.cellgate.identity;

import io.cellgate.common.problem.Problem;
import io.cellgate.common.problem.ProblemMappers;
import io.cellgate.common.problem.ProblemType;
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

    @ServerRequestFilter
    public Uni<Response> requireMfa(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!MfaPolicy.requiresMfa(request.getMethod(), path)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                    || Caller.amrHasOtp(token)) {
                return null;
            }
            return ProblemMappers.respond(Problem.of(ProblemType.MFA_REQUIRED, request.getMethod() + " " + path
                    + " needs a login with a second factor (TOTP); service accounts cannot call it", path, Map.of()));
        }).onFailure().recoverWithNull();
    }
}
