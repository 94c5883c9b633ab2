package io.cellgate.common.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TraceSamplingTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void withoutAnEndpointNothingIsRecordedNotEvenWhatTheCallerSampled() {
        for (Optional<String> none : List.of(Optional.<String>empty(), Optional.of(" "))) {
            Sampler sampler = TraceSampling.of(none, 1.0);
            assertEquals(SamplingDecision.DROP, decide(sampler, Context.root()));
            assertEquals(SamplingDecision.DROP, decide(sampler, callerSampled(true)));
        }
    }

    @Test
    void withAnEndpointTheCallersDecisionIsKeptAndNewTracesFollowTheRatio() {
        Optional<String> endpoint = Optional.of("http://collector:4317");
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(TraceSampling.of(endpoint, 1.0), Context.root()));
        assertEquals(SamplingDecision.DROP, decide(TraceSampling.of(endpoint, 0.0), Context.root()));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(TraceSampling.of(endpoint, 0.0), callerSampled(true)));
        assertEquals(SamplingDecision.DROP, decide(TraceSampling.of(endpoint, 1.0), callerSampled(false)));
    }

    @Test
    void onlyARequestStartsATraceNotAStatementOrACallMadeOutsideOne() {
        Sampler sampler = TraceSampling.of(Optional.of("http://collector:4317"), 1.0);
        assertEquals(SamplingDecision.DROP, decide(sampler, Context.root(), SpanKind.CLIENT));
        assertEquals(SamplingDecision.DROP, decide(sampler, Context.root(), SpanKind.INTERNAL));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(sampler, callerSampled(true), SpanKind.CLIENT));
    }

    @Test
    void aRatioOutsideZeroToOneIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> TraceSampling.of(Optional.of("http://collector:4317"), 1.5));
        assertThrows(IllegalStateException.class, () -> TraceSampling.of(Optional.of("http://collector:4317"), -0.1));
    }

    private static SamplingDecision decide(Sampler sampler, Context parent) {
        return decide(sampler, parent, SpanKind.SERVER);
    }

    private static SamplingDecision decide(Sampler sampler, Context parent, SpanKind kind) {
        return sampler.shouldSample(parent, TRACE, "a span", kind, Attributes.empty(), List.of()).getDecision();
    }

    private static Context callerSampled(boolean sampled) {
        SpanContext caller = SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
        return Context.root().with(Span.wrap(caller));
    }
}
