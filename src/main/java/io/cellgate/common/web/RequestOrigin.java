package io.cellgate.common.web;

import io.cellgate.common.Origin;
import jakarta.enterprise.context.RequestScoped;

/**
 * The origin of the HTTP request being served, as {@link RequestGuard} captured it when the request arrived (escaped,
 * so that it can be recorded whatever was sent), and named by its operation once the request matched one.
 */
@RequestScoped
public class RequestOrigin {
    private Origin origin;

    /** The origin, or null before the request reached the API's filters. */
    public Origin get() {
        return origin;
    }

    void set(Origin origin) {
        this.origin = origin;
    }
}
