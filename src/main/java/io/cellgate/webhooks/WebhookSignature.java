package io.cellgate.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the
 * secret's key; several (one per valid secret, during a rotation) are separated by spaces in {@code webhook-signature}.
 */
final class WebhookSignature {
    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The webhook-signature header: a signature for each key, the current one first. */
    static String header(List<byte[]> keys, String id, long timestamp, byte[] body) {
        List<String> signatures = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            signatures.add(sign(key, id, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
