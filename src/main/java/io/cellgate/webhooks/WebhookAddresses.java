package io.cellgate.webhooks;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a webhook's host resolves to, checked against {@link AddressPolicy} every time: when the webhook is registered
 * or changed, and again before every attempt, since DNS may have changed meanwhile (DNS rebinding). Every address the
 * name resolves to must be allowed; the attempt then connects to the address that was checked, not to a new lookup.
 */
@ApplicationScoped
public class WebhookAddresses {
    /** Why a webhook's host may not be reached. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    HostResolver resolver;
    @ConfigProperty(name = "cellgate.webhooks.allow-loopback", defaultValue = "false")
    boolean loopbackAllowed;

    /** The address to connect to, or a failure with {@link Refused} saying why none may be. */
    Uni<InetAddress> check(WebhookTarget target) {
        return resolver.resolve(target.host()).map(addresses -> {
            if (addresses.isEmpty()) {
                throw new RuntimeRefusal(target.host() + " does not resolve");
            }
            for (InetAddress address : addresses) {
                String refusal = AddressPolicy.refusal(address, loopbackAllowed);
                if (refusal != null) {
                    throw new RuntimeRefusal(target.host() + " resolves to " + address.getHostAddress() + ", a "
                            + refusal + " address: webhooks go to public addresses only");
                }
            }
            return addresses.get(0);
        }).onFailure(RuntimeRefusal.class).transform(e -> new Refused(e.getMessage()));
    }

    private static final class RuntimeRefusal extends RuntimeException {
        RuntimeRefusal(String message) {
            super(message, null, false, false);
        }
    }
}
