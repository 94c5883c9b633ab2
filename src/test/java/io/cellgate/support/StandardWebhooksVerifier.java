package io.cellgate.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/**
 * A receiver's check of a Standard Webhooks 1.0 signature, written from the specification alone (not from the
 * sender's code): the key is the base64 after "whsec_"; the signed content is "{webhook-id}.{webhook-timestamp}.{body}";
 * webhook-signature holds space-separated "v1,{base64 HMAC-SHA256}", any of which may match; the timestamp must be
 * within five minutes of now.
 */
public final class StandardWebhooksVerifier {
    private static final long TOLERANCE_SECONDS = 300;

    private StandardWebhooksVerifier() {
    }

    /** Whether the request verifies under {@code secret}. */
    public static boolean verifies(String secret, String id, String timestamp, String signatures, String body,
                                   long nowSeconds) {
        if (secret == null || !secret.startsWith("whsec_") || id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                id + "." + timestamp + "." + body);
        for (String signature : signatures.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
