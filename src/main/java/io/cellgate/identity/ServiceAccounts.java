package io.cellgate.identity;

import io.cellgate.common.Page;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Service accounts are confidential clients of the realm, bound to one tenant by a fixed tenant claim and given only
 * the tenant roles chosen for them. Their secret is shown when created or rotated, never again.
 */
@ApplicationScoped
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
public class ServiceAccounts {
    static final String TENANT_ATTRIBUTE = "cellgate.tenant";
    static final String NAME_ATTRIBUTE = "cellgate.service-account";

    @Inject
    IdentityDirectory directory;

    public ServiceAccountView create(TenantId tenant, CreateServiceAccountRequest request) {
        String clientId = "sa-" + tenant.value() + "-" + request.name();
        return directory.call("Service account " + request.name(), () -> {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName("Service account " + request.name() + " of tenant " + tenant.value());
            client.setEnabled(true);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setAttributes(Map.of(TENANT_ATTRIBUTE, tenant.value(), NAME_ATTRIBUTE, request.name()));
            client.setProtocolMappers(List.of(tenantClaim(tenant), audience()));
            String id;
            try (Response response = directory.realm().clients().create(client)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "The tenant already has a service account named " + request.name());
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            ClientResource created = directory.realm().clients().get(id);
            directory.realm().users().get(created.getServiceAccountUser().getId()).roles().realmLevel()
                    .add(directory.realmRoles(request.roles()));
            return view(created, created.getSecret().getValue());
        });
    }

    public Page<ServiceAccountView> list(TenantId tenant) {
        return directory.call("Service accounts", () -> new Page<>(directory.realm().clients().findAll().stream()
                .filter(client -> client.getAttributes() != null
                        && tenant.value().equals(client.getAttributes().get(TENANT_ATTRIBUTE)))
                .map(client -> view(directory.realm().clients().get(client.getId()), null))
                .toList(), null));
    }

    public ServiceAccountView get(TenantId tenant, String id) {
        return directory.call("Service account " + id, () -> view(owned(tenant, id), null));
    }

    public ServiceAccountView rotateSecret(TenantId tenant, String id) {
        return directory.call("Service account " + id, () -> {
            ClientResource client = owned(tenant, id);
            return view(client, client.generateNewSecret().getValue());
        });
    }

    public void revoke(TenantId tenant, String id) {
        directory.call("Service account " + id, () -> {
            owned(tenant, id).remove();
            return null;
        });
    }

    private ClientResource owned(TenantId tenant, String id) {
        ClientResource client = directory.realm().clients().get(id);
        Map<String, String> attributes = client.toRepresentation().getAttributes();
        if (attributes == null || !tenant.value().equals(attributes.get(TENANT_ATTRIBUTE))) {
            throw ProblemException.notFound("Service account " + id);
        }
        return client;
    }

    private ServiceAccountView view(ClientResource client, String secret) {
        ClientRepresentation rep = client.toRepresentation();
        List<TenantRole> roles = directory.realm().users().get(client.getServiceAccountUser().getId()).roles()
                .realmLevel().listAll().stream().map(role -> TenantRole.fromRealmRole(role.getName()))
                .filter(Objects::nonNull).sorted().toList();
        return new ServiceAccountView(rep.getId(), rep.getAttributes().get(NAME_ATTRIBUTE), rep.getClientId(), roles,
                secret);
    }

    private static ProtocolMapperRepresentation tenantClaim(TenantId tenant) {
        return mapper("tenant", "oidc-hardcoded-claim-mapper", Map.of("claim.name", Caller.TENANT_CLAIM,
                "claim.value", tenant.value(), "jsonType.label", "String", "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation audience() {
        return mapper("audience cellgate-api", "oidc-audience-mapper", Map.of("included.client.audience",
                "cellgate-api", "access.token.claim", "true", "id.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
