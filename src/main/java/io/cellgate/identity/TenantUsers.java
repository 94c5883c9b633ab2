package io.cellgate.identity;

import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.id.TenantId;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A tenant's users in the identity provider: invited with a one-time password and TOTP required at first login, and
 * only ever seen or changed within their tenant (another tenant's user is "not found").
 */
@ApplicationScoped
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
public class TenantUsers {
    static final List<String> FIRST_LOGIN = List.of("CONFIGURE_TOTP", "UPDATE_PASSWORD");

    @Inject
    IdentityDirectory directory;

    public TenantUserView invite(TenantId tenant, InviteUserRequest request) {
        return directory.call("User " + request.username(), () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(request.username());
            user.setEmail(request.email());
            user.setFirstName(request.firstName());
            user.setLastName(request.lastName());
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setAttributes(Map.of(Caller.TENANT_CLAIM, List.of(tenant.value())));
            user.setRequiredActions(FIRST_LOGIN);
            String password = IdentityDirectory.randomSecret();
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.setCredentials(List.of(credential));
            String id;
            try (Response response = directory.realm().users().create(user)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "A user named " + request.username() + " or with this email already exists");
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            directory.realm().users().get(id).roles().realmLevel().add(directory.realmRoles(request.roles()));
            return view(directory.realm().users().get(id)).withTemporaryPassword(password);
        });
    }

    public Page<TenantUserView> list(TenantId tenant, int limit, String cursor) {
        Integer after = Cursor.decode(cursor, TenantUsers::offset);
        int first = after == null ? 0 : after;
        return directory.call("Users", () -> {
            List<UserRepresentation> found = directory.realm().users()
                    .searchByAttributes(first, limit + 1, null, false, Caller.TENANT_CLAIM + ":" + tenant.value());
            List<TenantUserView> users = new ArrayList<>();
            for (UserRepresentation user : found.subList(0, Math.min(limit, found.size()))) {
                users.add(view(directory.realm().users().get(user.getId())));
            }
            String next = found.size() > limit ? Cursor.encode(Integer.toString(first + limit)) : null;
            return new Page<>(users, next);
        });
    }

    public TenantUserView get(TenantId tenant, String id) {
        return directory.call("User " + id, () -> view(owned(tenant, id)));
    }

    public TenantUserView update(TenantId tenant, String id, UpdateUserRequest request, String callerUsername) {
        return directory.call("User " + id, () -> {
            UserResource user = owned(tenant, id);
            UserRepresentation current = user.toRepresentation();
            if (Boolean.FALSE.equals(request.enabled()) && current.getUsername().equals(callerUsername)) {
                throw new ProblemException(ProblemType.CONFLICT, "You cannot disable yourself");
            }
            if (request.roles() != null) {
                var granted = user.roles().realmLevel().listAll().stream()
                        .filter(role -> TenantRole.fromRealmRole(role.getName()) != null).toList();
                user.roles().realmLevel().remove(granted);
                user.roles().realmLevel().add(directory.realmRoles(request.roles()));
            }
            if (request.enabled() != null) {
                current.setEnabled(request.enabled());
                user.update(current);
            }
            return view(user);
        });
    }

    public void remove(TenantId tenant, String id, String callerUsername) {
        directory.call("User " + id, () -> {
            UserResource user = owned(tenant, id);
            if (user.toRepresentation().getUsername().equals(callerUsername)) {
                throw new ProblemException(ProblemType.CONFLICT, "You cannot remove yourself");
            }
            IdentityDirectory.expectSuccess(directory.realm().users().delete(id));
            return null;
        });
    }

    /** The user, if it belongs to the tenant; a user of another tenant (or none) is not found. */
    private UserResource owned(TenantId tenant, String id) {
        UserResource user = directory.realm().users().get(id);
        UserRepresentation representation = user.toRepresentation();
        List<String> tenants = representation.getAttributes() == null ? null
                : representation.getAttributes().get(Caller.TENANT_CLAIM);
        if (tenants == null || !tenants.contains(tenant.value()) || representation.getServiceAccountClientId() != null) {
            throw ProblemException.notFound("User " + id);
        }
        return user;
    }

    private static TenantUserView view(UserResource user) {
        UserRepresentation rep = user.toRepresentation();
        List<TenantRole> roles = user.roles().realmLevel().listAll().stream()
                .map(role -> TenantRole.fromRealmRole(role.getName())).filter(Objects::nonNull).sorted().toList();
        boolean otp = user.credentials().stream().anyMatch(c -> "otp".equals(c.getType()));
        return new TenantUserView(rep.getId(), rep.getUsername(), rep.getEmail(), rep.getFirstName(), rep.getLastName(),
                Boolean.TRUE.equals(rep.isEnabled()), roles, otp,
                rep.getRequiredActions() == null ? List.of() : rep.getRequiredActions(), null);
    }

    /** An offset into the directory's search, as a cursor of this API holds it. */
    private static int offset(String raw) {
        int offset = Integer.parseInt(raw);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        return offset;
    }
}
