package io.cellgate.network.radius;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the RADIUS server counts, for /q/metrics: packets dropped by reason (unknown NAS, bad authenticator, malformed,
 * ...), Access-Requests accepted and rejected by reason, accounting reports, disconnects and CoA requests by
 * outcome, and the time from a request's arrival to its answer.
 */
@ApplicationScoped
public class RadiusMetrics {
    @Inject
    MeterRegistry registry;

    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private volatile Counter accepts;
    private volatile Timer accessLatency;
    private volatile Timer accountingLatency;

    void dropped(String port, String reason) {
        count("cellgate.radius.dropped", "port", port, "reason", reason);
    }

    void accepted() {
        if (accepts == null) {
            accepts = Counter.builder("cellgate.radius.access").tags("outcome", "accept", "reason", "none")
                    .register(registry);
        }
        accepts.increment();
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

    /** A Disconnect-Request or CoA-Request answered (or not) by the NAS: {@code kind} disconnect or coa. */
    void dynamicAuthorization(String kind, String outcome) {
        count("cellgate.radius.dynamic_authorization", "kind", kind, "outcome", outcome);
    }

    /** The time from a request's arrival to its answer (count, sum and maximum; percentiles come from benchmarks). */
    void answered(boolean access, long nanos) {
        if (accessLatency == null) {
            accessLatency = Timer.builder("cellgate.radius.answer").tag("port", "auth").register(registry);
            accountingLatency = Timer.builder("cellgate.radius.answer").tag("port", "acct").register(registry);
        }
        (access ? accessLatency : accountingLatency).record(nanos, TimeUnit.NANOSECONDS);
    }

    private void count(String name, String tag1, String value1, String tag2, String value2) {
        counters.computeIfAbsent(List.of(name, value1, value2),
                key -> Counter.builder(name).tags(tag1, value1, tag2, value2).register(registry)).increment();
    }
}
