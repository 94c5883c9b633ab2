package io.cellgate.network.radius;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the RADIUS server counts, for /q/metrics: packets dropped by reason (unknown NAS, bad authenticator, malformed,
 * ...), Access-Requests accepted and rejected by reason, accounting reports, disconnects by outcome, and the time from
 * a request's arrival to its answer.
 */
@ApplicationScoped
public class RadiusMetrics {
    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private Timer accessLatency;
    private Timer accountingLatency;

    void dropped(String port, String reason) {
        count("cellgate.radius.dropped", "port", port, "reason", reason);
    }

    void accepted() {
        count("cellgate.radius.access", "outcome", "accept", "reason", "none");
    }

    void rejected(String reason) {
        count("cellgate.radius.access", "outcome", "reject", "reason", reason);
    }

    void accounted(String kind) {
        count("cellgate.radius.accounting", "kind", kind, "outcome", "committed");
    }

    void accountingIgnored(String why) {
        count("cellgate.radius.accounting", "kind", "any", "outcome", why);
    }

    void duplicate(String port) {
        count("cellgate.radius.duplicates", "port", port, "reason", "answered_again");
    }

    void disconnect(String outcome) {
        count("cellgate.radius.disconnects", "outcome", outcome, "reason", "any");
    }

    void answered(boolean access, long nanos) {
        if (accessLatency == null) {
            accessLatency = Timer.builder("cellgate.radius.answer").tag("port", "auth").publishPercentiles(0.5, 0.99)
                    .register(registry);
            accountingLatency = Timer.builder("cellgate.radius.answer").tag("port", "acct")
                    .publishPercentiles(0.5, 0.99).register(registry);
        }
        (access ? accessLatency : accountingLatency).record(nanos, TimeUnit.NANOSECONDS);
    }

    private void count(String name, String... tags) {
        counters.computeIfAbsent(name + String.join("|", tags),
                key -> Counter.builder(name).tags(tags).register(registry)).increment();
    }
}
