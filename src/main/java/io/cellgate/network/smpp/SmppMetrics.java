package io.cellgate.network.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the SMPP session counts, for /q/metrics: whether it is bound, the submits in its window, submits by result,
 * receipts by state, devices' messages by outcome, deliver_sm refused, binds, and the time a submit waits for its
 * answer. Label values are bounded (results, states and SMPP status names).
 */
@ApplicationScoped
public class SmppMetrics {
    @Inject
    MeterRegistry registry;

    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private volatile Timer submitLatency;

    void gauges(Supplier<Number> bound, Supplier<Number> inWindow) {
        Gauge.builder("cellgate.smpp.bound", bound).description("1 while bound to the SMSC").register(registry);
        Gauge.builder("cellgate.smpp.window", inWindow).description("Submits awaiting their answer").register(registry);
    }

    void submitted(String result, String status, Duration took) {
        count("cellgate.smpp.submits", "result", result, "status", status);
        if (submitLatency == null) {
            submitLatency = Timer.builder("cellgate.smpp.submit.latency").publishPercentileHistogram()
                    .register(registry);
        }
        submitLatency.record(took);
    }

    void receipt(String state) {
        count("cellgate.smpp.receipts", "state", state, "outcome", "recorded");
    }

    void received(String outcome) {
        count("cellgate.smpp.mo", "outcome", outcome, "reason", "none");
    }

    void refused(String kind, String why) {
        count("cellgate.smpp.deliver.refused", "kind", kind, "why", why);
    }

    void bind(String outcome) {
        count("cellgate.smpp.binds", "outcome", outcome, "reason", "none");
    }

    private void count(String name, String k1, String v1, String k2, String v2) {
        counters.computeIfAbsent(List.of(name, v1, v2), key -> Counter.builder(name).tags(k1, v1, k2, v2)
                .register(registry)).increment();
    }
}
