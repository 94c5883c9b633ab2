package io.cellgate.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook's URL, checked for what it says (not yet where it resolves to: {@link WebhookAddresses}): absolute, https
 * (http only where carrier ops allow it for the tenant), a host, no user information and no fragment.
 *
 * @param requestUri the path and query sent in the request line
 */
record WebhookTarget(String url, String host, int port, boolean tls, String requestUri) {
    static final int MAX_LENGTH = 2000;

    /** The checked target, or an IllegalArgumentException that says what is wrong with the URL. */
    static WebhookTarget parse(String url, boolean httpAllowed) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && httpAllowed)) {
            throw new IllegalArgumentException(httpAllowed ? "must be an https or http URL"
                    : "must be an https URL (carrier ops can allow http for the tenant)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry user information (put credentials in the secret's"
                    + " signature check instead)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WebhookTarget(url, host.toLowerCase(Locale.ROOT), port, tls, requestUri);
    }
}
