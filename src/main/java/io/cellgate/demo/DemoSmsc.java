package io.cellgate.demo;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's SMSC (scripts/run, and the tests): a {@link SmscSimulator} on {@code cellgate.demo.smsc.port}, taking the
 * ESME credentials of {@code cellgate.smpp.*}. Off unless the port is set; never in a deployment.
 */
@ApplicationScoped
public class DemoSmsc {
    @ConfigProperty(name = "cellgate.demo.smsc.port")
    Optional<Integer> port;
    @ConfigProperty(name = "cellgate.demo.smsc.receipt-delay-millis", defaultValue = "200")
    long receiptDelayMillis;
    @ConfigProperty(name = "cellgate.smpp.system-id", defaultValue = "cellgate")
    String systemId;
    @ConfigProperty(name = "cellgate.smpp.password")
    Optional<String> password;

    @Inject
    MeterRegistry registry;

    private SmscSimulator simulator;

    void start(@Observes @Priority(1) StartupEvent event) throws IOException {
        if (port.isPresent()) {
            simulator = new SmscSimulator(port.get(), systemId, password.orElse(""), receiptDelayMillis);
            simulator.start();
            Gauge.builder("cellgate.demo.smsc.submitted", simulator, SmscSimulator::submittedCount)
                    .description("submit_sm the demo's SMSC simulator took (the benchmark counts duplicates by it)")
                    .register(registry);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (simulator != null) {
            simulator.stop();
        }
    }

    /** The running simulator, or null when the demo has none. */
    public SmscSimulator simulator() {
        return simulator;
    }
}
