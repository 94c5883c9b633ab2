package io.cellgate.common.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * API latency as a Prometheus histogram (http_server_requests_seconds_bucket, by method, route template and status),
 * with fixed buckets from 5 ms to 10 s: p99 per route comes from histogram_quantile, summed over replicas, at a dozen
 * series per route rather than the seventy of an automatic histogram.
 */
public class HttpMetrics {
    private static final double[] BUCKETS_NANOS = Stream.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)).mapToDouble(Duration::toNanos).toArray();

    @Produces
    @Singleton
    MeterFilter requestLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.server.requests")
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config)
                        : config;
            }
        };
    }
}
