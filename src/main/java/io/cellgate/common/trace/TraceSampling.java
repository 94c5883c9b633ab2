package io.cellgate.common.trace;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traces are recorded, and exported over OTLP, only when an endpoint is configured ({@code CELLGATE_OTLP_ENDPOINT}).
 * Without one, no span is recorded and nothing is sent anywhere, but every request still gets a trace id (the caller's,
 * from its {@code traceparent} header, or a new one), which its log lines carry as {@code traceId}: logs can be joined
 * with a mesh's or a gateway's traces either way.
 * <p>
 * A trace starts where work comes in (a request's server span). Database statements and calls made outside a request
 * (the background pollers, the identity provider probe) start none: they would be a trace a second per replica.
 */
public class TraceSampling {
    public static final String ENDPOINT_SETTING = "cellgate.tracing.otlp-endpoint";

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = ENDPOINT_SETTING) Optional<String> endpoint,
                    @ConfigProperty(name = "cellgate.tracing.sample-ratio", defaultValue = "1.0") double ratio) {
        return of(endpoint, ratio);
    }

    /** With an endpoint, a caller's sampling decision is kept and new traces are sampled at {@code ratio}. */
    static Sampler of(Optional<String> endpoint, double ratio) {
        if (endpoint.filter(value -> !value.isBlank()).isEmpty()) {
            return Sampler.alwaysOff();
        }
        if (ratio < 0 || ratio > 1) {
            throw new IllegalStateException("cellgate.tracing.sample-ratio (CELLGATE_TRACE_SAMPLE_RATIO) must be"
                    + " between 0 and 1, not " + ratio);
        }
        return Sampler.parentBased(new RequestsStartTraces(Sampler.traceIdRatioBased(ratio)));
    }

    private record RequestsStartTraces(Sampler requests) implements Sampler {
        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                           Attributes attributes, List<LinkData> links) {
            return kind == SpanKind.SERVER
                    ? requests.shouldSample(parent, traceId, name, kind, attributes, links)
                    : SamplingResult.drop();
        }

        @Override
        public String getDescription() {
            return "RequestsStartTraces{" + requests.getDescription() + "}";
        }
    }
}
