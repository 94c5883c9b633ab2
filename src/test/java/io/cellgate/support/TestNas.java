package io.cellgate.support;

import static io.cellgate.support.Api.OPS;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Function;

/**
 * The NAS client of the tests: 127.0.0.1, where radclient and the test NAS's Disconnect/CoA port ({@link TestCoaServer})
 * run. Registered once per database (or taken over from the demo's, which holds the same address) and given its name,
 * CoA port and a known secret at the start of each run (a rotation, since a secret is shown only when it is set).
 */
public final class TestNas {
    public static final String NAME = "test-nas";
    public static final String SECRET = "test-nas-shared-secret-1";
    private static volatile boolean ready;

    private TestNas() {
    }

    /** Makes sure the test NAS exists, is enabled with the known secret, and the service knows it. */
    public static synchronized String secret() {
        TestCoaServer.get();
        if (!ready) {
            register(Api::as);
            ready = true;
            Radclient.awaitKnown(SECRET, Radclient.AUTH_PORT);
        }
        return SECRET;
    }

    /** Registers the test NAS through the API of a packaged replica, and waits until its RADIUS port knows it. */
    public static String registerAt(Replica replica) {
        register(user -> given().baseUri(replica.url()).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON));
        Radclient.awaitKnown(SECRET, replica.authPort());
        return SECRET;
    }

    /** {@code as} makes a request of a user to the service in question. */
    private static void register(Function<String, RequestSpecification> as) {
        JsonPath clients = as.apply(OPS).get("/api/v1/admin/nas-clients?limit=1000").then().statusCode(200).extract()
                .jsonPath();
        String id = clients.getString("items.find { it.source == '127.0.0.1/32' }.id");
        if (id == null) {
            as.apply(OPS).body(Map.of("name", NAME, "source", "127.0.0.1", "secret", SECRET, "coa_port",
                    TestCoaServer.PORT)).post("/api/v1/admin/nas-clients").then().statusCode(201);
        } else {
            as.apply(OPS).body(Map.of("name", NAME, "enabled", true, "coa_port", TestCoaServer.PORT))
                    .patch("/api/v1/admin/nas-clients/" + id).then().statusCode(200);
            as.apply(OPS).body(Map.of("secret", SECRET)).post("/api/v1/admin/nas-clients/" + id + "/secret")
                    .then().statusCode(200);
        }
    }
}
