package io.cellgate.identity;

import io.cellgate.common.trace.SpanAttributes;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names the caller in its request's log context (MDC, kept per request): every line logged for the request carries the
 * tenant and subject of its verified token, next to the request id (common.web.RequestGuard). The tenant is also an
 * attribute of the request's span.
 */
public class CallerLogContext {
    public static final String TENANT = "tenant";
    public static final String SUBJECT = "subject";

    @Inject
    CurrentIdentityAssociation identities;

    /** Before the filters that may already log for the request (rate limit, MFA, audit). */
    @ServerRequestFilter(priority = Priorities.HEADER_DECORATOR)
    public Uni<Void> name(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().invoke(identity -> {
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                MDC.put(SUBJECT, token.getName());
                Object tenant = token.getClaim(Caller.TENANT_CLAIM);
                if (tenant != null) {
                    MDC.put(TENANT, tenant.toString());
                    SpanAttributes.set(SpanAttributes.TENANT, tenant.toString());
                }
            }
        }).replaceWithVoid();
    }
}
