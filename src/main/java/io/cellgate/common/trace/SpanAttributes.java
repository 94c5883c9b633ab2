package io.cellgate.common.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/** What Cellgate adds to a request's server span, so that a trace can be found by the request or the tenant. */
public final class SpanAttributes {
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("cellgate.request_id");
    public static final AttributeKey<String> TENANT = AttributeKey.stringKey("cellgate.tenant");

    private SpanAttributes() {
    }

    /** On the current span; a span that is not recorded (tracing off) ignores it. */
    public static void set(AttributeKey<String> key, String value) {
        Span.current().setAttribute(key, value);
    }
}
