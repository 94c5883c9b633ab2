package io.cellgate.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a webhook URL may say, before where it resolves to is looked at. */
@Tag("unit")
class WebhookTargetTest {

    @Test
    void anHttpsUrlGivesItsHostPortAndRequestLine() {
        WebhookTarget target = WebhookTarget.parse("https://Hooks.Example.com:8443/in/cellgate?x=1", false);
        assertEquals("hooks.example.com", target.host());
        assertEquals(8443, target.port());
        assertTrue(target.tls());
        assertEquals("/in/cellgate?x=1", target.requestUri());
        assertEquals(443, WebhookTarget.parse("https://[2606:4700::1111]", false).port());
        assertEquals("2606:4700::1111", WebhookTarget.parse("https://[2606:4700::1111]", false).host());
    }

    @Test
    void httpOnlyWhereAllowedAndNoCredentialsFragmentsOrOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> WebhookTarget.parse("http://hooks.example.com/", false));
        assertEquals(80, WebhookTarget.parse("http://hooks.example.com/", true).port());
        for (String url : new String[] {"ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
                "https://hooks.example.com/#top", "https:///nohost", "hooks.example.com/in", "https://exa mple.com/",
                "file:///etc/passwd", "gopher://127.0.0.1:6379/_"}) {
            assertThrows(IllegalArgumentException.class, () -> WebhookTarget.parse(url, true), url);
        }
    }
}
