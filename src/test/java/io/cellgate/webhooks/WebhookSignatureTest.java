package io.cellgate.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.StandardWebhooksVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Signatures as Standard Webhooks 1.0 defines them, against the specification's own test vector. */
@Tag("unit")
class WebhookSignatureTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void theSpecificationsVectorIsSignedAsItSays() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(key(SECRET), ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anIndependentVerifierAcceptsEitherSignatureDuringARotationAndNothingTampered() {
        String previous = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        String header = WebhookSignature.header(List.of(key(SECRET), key(previous)), ID, TIMESTAMP,
                BODY.getBytes(StandardCharsets.UTF_8));

        assertEquals(2, header.split(" ").length);
        assertTrue(StandardWebhooksVerifier.verifies(SECRET, ID, Long.toString(TIMESTAMP), header, BODY, TIMESTAMP));
        assertTrue(StandardWebhooksVerifier.verifies(previous, ID, Long.toString(TIMESTAMP), header, BODY, TIMESTAMP));
        assertFalse(StandardWebhooksVerifier.verifies(SECRET, ID, Long.toString(TIMESTAMP), header, BODY + " ",
                TIMESTAMP), "a changed body");
        assertFalse(StandardWebhooksVerifier.verifies(SECRET, "msg_other", Long.toString(TIMESTAMP), header, BODY,
                TIMESTAMP), "another id");
        assertFalse(StandardWebhooksVerifier.verifies(SECRET, ID, Long.toString(TIMESTAMP), header, BODY,
                TIMESTAMP + 301), "too old");
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }
}
