package io.cellgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the identity provider for the demo users of keycloak/demo-users.tsv: password + TOTP for
 * humans, client credentials for service accounts. Tokens are cached until shortly before they expire.
 */
public final class Tokens {
    private static final Map<String, Map<String, String>> USERS = readUsers();
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private record CachedToken(String value, Instant expires) {
    }

    private Tokens() {
    }

    public static String of(String user) {
        return of(user, realmUrl());
    }

    /** A token from the realm at this URL (its issuer), e.g. through a proxy in front of the identity provider. */
    public static String of(String user, String realm) {
        String key = user + " " + realm;
        CachedToken cached = CACHE.get(key);
        if (cached == null || Instant.now().isAfter(cached.expires())) {
            cached = fetch(user, realm);
            CACHE.put(key, cached);
        }
        return cached.value();
    }

    private static CachedToken fetch(String user, String realm) {
        Map<String, String> entry = USERS.get(user);
        if (entry == null) {
            throw new IllegalArgumentException("No demo user " + user + " in keycloak/demo-users.tsv");
        }
        Map<String, String> form = new HashMap<>();
        if ("service".equals(entry.get("kind"))) {
            form.put("grant_type", "client_credentials");
            form.put("client_id", user);
            form.put("client_secret", entry.get("password"));
        } else {
            form.put("grant_type", "password");
            form.put("client_id", "cellgate-cli");
            form.put("username", user);
            form.put("password", entry.get("password"));
            if (!"-".equals(entry.get("totp_secret"))) {
                form.put("totp", totp(entry.get("totp_secret"), Instant.now().getEpochSecond() / 30));
            }
        }
        var response = given().contentType(ContentType.URLENC).formParams(form)
                .post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
        int lifetime = response.getInt("expires_in");
        return new CachedToken(response.getString("access_token"), Instant.now().plusSeconds(lifetime - 30L));
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 6 digits) over the UTF-8 bytes of the secret, as the realm stores it. */
    public static String totp(String secret, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("cellgate.oidc.url", String.class);
    }

    private static Map<String, Map<String, String>> readUsers() {
        try {
            List<String> lines = Files.readAllLines(Path.of("keycloak/demo-users.tsv"));
            String[] header = lines.get(0).split("\t");
            Map<String, Map<String, String>> users = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t");
                Map<String, String> user = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    user.put(header[i], fields[i]);
                }
                users.put(fields[0], user);
            }
            return users;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
