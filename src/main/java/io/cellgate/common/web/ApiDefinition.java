package io.cellgate.common.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's top-level description in the published contract; the operations come from the resources. */
@OpenAPIDefinition(info = @Info(title = "Cellgate API", version = "2.0.0"),
        servers = @Server(url = "/", description = "This deployment of Cellgate (local, staging or production)", extensions = @Extension(name = "x-internal",
                value = "false", parseValue = true)), tags = {
    @Tag(name = "SIMs", description = "A tenant's SIMs: inventory, labels, lifecycle, history and bulk actions"),
    @Tag(name = "Policy", description = "Service profiles, each SIM's effective policy and overrides, IMEI lock"),
    @Tag(name = "Static IPs", description = "The tenant's private IP pools and the static IPs of its SIMs"),
    @Tag(name = "Identity", description = "The tenant's users and service accounts (tenant admins, with MFA)"),
    @Tag(name = "Audit", description = "The tenant's tamper-evident audit trail (tenant admins)"),
    @Tag(name = "Jobs", description = "Progress and failures of asynchronous jobs such as bulk actions"),
    @Tag(name = "Admin: tenants", description = "Carrier ops: the tenants of this deployment and their quotas"),
    @Tag(name = "Admin: SIM stock", description = "Carrier ops: SIM import, assignment to tenants, inventory"),
    @Tag(name = "Admin: IP pools", description = "Carrier ops: private IPv4 pools of tenants"),
    @Tag(name = "Usage and sessions", description = "Exact usage per period, data sessions and refused requests"),
    @Tag(name = "Events", description = "What happens to the tenant's SIMs, as a list, long polling or a stream"),
    @Tag(name = "Webhooks", description = "Signed deliveries of the tenant's events to its endpoints"),
    @Tag(name = "Anomaly detection", description = "The rules that turn the network's reports into anomalies"),
    @Tag(name = "Admin: audit", description = "Carrier ops: the audit trail of every tenant"),
    @Tag(name = "Admin: NAS clients", description = "Carrier ops: the packet gateways that ask Cellgate (RADIUS)"),
    @Tag(name = "Admin: data sessions", description = "Carrier ops: the data sessions of every tenant")
})
public class ApiDefinition extends Application {
}
