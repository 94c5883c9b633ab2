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
    private String routedPath;

    /** The origin, or null before the request reached the API's filters. */
    public Origin get() {
        return origin;
    }

    /**
     * The path the request is routed by, decoded and normalised ({@code /api/v1/%61dmin/./x} is
     * {@code /api/v1/admin/x}), where the origin's target is the path as sent. Decisions about a request take this one; records keep the other.
     */
    public String routedPath() {
        return routedPath;
    }

    void set(Origin origin) {
        this.origin = origin;
    }

    void routedBy(String path) {
        this.routedPath = path;
    }
}
