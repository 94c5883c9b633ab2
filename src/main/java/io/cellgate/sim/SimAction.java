package io.cellgate.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellgate.identity.Roles;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tenant's lifecycle state machine: {@code ready -> active <-> suspended -> terminated}, and {@code ready ->
 * terminated}. Each action names the states it leaves from, the state it leads to and the roles allowed to take it.
 */
public enum SimAction {
    @JsonProperty("activate") ACTIVATE(SimStatus.ACTIVE, EnumSet.of(SimStatus.READY),
            Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR),
    @JsonProperty("suspend") SUSPEND(SimStatus.SUSPENDED, EnumSet.of(SimStatus.ACTIVE),
            Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR),
    @JsonProperty("resume") RESUME(SimStatus.ACTIVE, EnumSet.of(SimStatus.SUSPENDED),
            Roles.TENANT_ADMIN, Roles.TENANT_OPERATOR),
    @JsonProperty("terminate") TERMINATE(SimStatus.TERMINATED, EnumSet.of(SimStatus.READY, SimStatus.SUSPENDED),
            Roles.TENANT_ADMIN);

    private final SimStatus to;
    private final Set<SimStatus> from;
    private final List<String> roles;

    SimAction(SimStatus to, Set<SimStatus> from, String... roles) {
        this.to = to;
        this.from = from;
        this.roles = List.of(roles);
    }

    public SimStatus to() {
        return to;
    }

    public String[] fromDbValues() {
        return from.stream().map(SimStatus::dbValue).toArray(String[]::new);
    }

    public List<String> roles() {
        return roles;
    }

    public String apiName() {
        return name().toLowerCase();
    }

    /** The actions a tenant may take on a SIM in this state (none for stock and terminated SIMs). */
    public static List<SimAction> allowedFrom(SimStatus status) {
        return Arrays.stream(values()).filter(a -> a.from.contains(status)).toList();
    }
}
