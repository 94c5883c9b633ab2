package io.cellgate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The realm shipped for production keeps the security settings the trust model relies on. */
@Tag("unit")
class ProductionRealmTest {
    private static final JsonNode REALM = read("keycloak/cellgate-realm-production.json");

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(Path.of(file).toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void otpCodesAreSingleUseAndTokensShortLived() {
        assertFalse(REALM.path("otpPolicyCodeReusable").asBoolean(true));
        assertTrue(REALM.path("accessTokenLifespan").asInt() <= 300, "access tokens live at most 5 minutes");
    }

    @Test
    void bruteForceProtectionIsStrict() {
        assertTrue(REALM.path("bruteForceProtected").asBoolean());
        assertTrue(REALM.path("failureFactor").asInt() <= 10, "at most 10 failures before a wait");
    }

    @Test
    void everyNewUserMustSetUpTotp() {
        boolean totpByDefault = false;
        for (JsonNode action : REALM.path("requiredActions")) {
            totpByDefault |= action.path("alias").asText().equals("CONFIGURE_TOTP") && action.path("enabled").asBoolean()
                    && action.path("defaultAction").asBoolean();
        }
        assertTrue(totpByDefault);
    }

    @Test
    void noDemoIdentityOrDevelopmentSecretShips() {
        for (JsonNode user : REALM.path("users")) {
            assertEquals("cellgate-admin", user.path("serviceAccountClientId").asText(), "only the service's own account");
        }
        for (JsonNode client : REALM.path("clients")) {
            assertTrue(client.path("secret").isMissingNode(), "no client secret in " + client.path("clientId"));
        }
    }

    @Test
    void directGrantLoginsProveTheirSecondFactorInAmr() {
        String flow = REALM.path("directGrantFlow").asText();
        boolean otpReference = false;
        for (JsonNode config : REALM.path("authenticatorConfig")) {
            otpReference |= "otp".equals(config.path("config").path("default.reference.value").asText());
        }
        assertFalse(flow.isEmpty());
        assertTrue(otpReference, "the OTP step of the login flow sets amr=otp");
    }
}
