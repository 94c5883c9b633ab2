package io.cellgate.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellgate.support.Api;
import io.cellgate.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image we ship (docker/Dockerfile.jvm, built by scripts/image from the packaged service) started as carrier ops
 * would run it: a read-only root filesystem with a tmpfs on /tmp, against the test PostgreSQL and Keycloak (their
 * settings pass through from the environment scripts/test exports). On a machine where containers cannot run, the
 * test says so and is skipped.
 */
class ContainerImageIT {
    private static final String TAG = "localhost/cellgate:it";
    private static final String NAME = "cellgate-image-it";
    private static final String URL = "http://127.0.0.1:8097";

    @BeforeAll
    static void buildAndStart() throws Exception {
        Result check = image("check");
        assumeTrue(check.exit == 0, "containers cannot run on this machine (scripts/image check): " + check.output);
        image("podman", "rm", "-f", NAME);
        Result build = image("build", TAG);
        assertEquals(0, build.exit, build.output);

        List<String> run = new ArrayList<>(List.of("podman", "run", "-d", "--name", NAME, "--network=host",
                "--read-only", "--tmpfs", "/tmp", "--cap-drop=ALL", "--security-opt=no-new-privileges"));
        System.getenv().keySet().stream().filter(name -> name.startsWith("CELLGATE_DB_")
                || name.startsWith("CELLGATE_OIDC_") || name.startsWith("CELLGATE_KEYCLOAK_")
                || name.equals("CELLGATE_RADIUS_SECRET_KEY")).sorted().forEach(name -> run.addAll(List.of("-e", name)));
        run.addAll(List.of("-e", "CELLGATE_HTTP_PORT=8097", "-e", "CELLGATE_RADIUS_AUTH_PORT=24812",
                "-e", "CELLGATE_RADIUS_ACCT_PORT=24813", TAG));
        Result started = image(run.toArray(String[]::new));
        assertEquals(0, started.exit, started.output);
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() ->
                    given().get(URL + "/q/health/ready").statusCode() == 200);
        } catch (RuntimeException notReady) {
            throw new AssertionError("the container did not become ready; its log:\n"
                    + image("podman", "logs", NAME).output, notReady);
        }
    }

    @AfterAll
    static void remove() throws Exception {
        image("podman", "rm", "-f", NAME);
    }

    @Test
    void theImageServesAnAuthenticatedCallAndRefusesAnAnonymousOne() {
        given().auth().oauth2(Tokens.of(Api.ACME_ADMIN)).queryParam("limit", 1).get(URL + "/api/v1/sims").then()
                .statusCode(200).body("items", notNullValue());
        given().get(URL + "/api/v1/sims").then().statusCode(401);
    }

    @Test
    void itRunsAsANonRootUserThatCannotWriteOutsideTmp() throws Exception {
        assertEquals("185", image("podman", "exec", NAME, "id", "-u").output.strip());
        assertNotEquals(0, image("podman", "exec", NAME, "touch", "/deployments/app/written").exit);
        assertEquals(0, image("podman", "exec", NAME, "touch", "/tmp/written").exit);
    }

    @Test
    void itsOwnHealthCheckPasses() throws Exception {
        Result health = image("podman", "healthcheck", "run", NAME);
        assertEquals(0, health.exit, health.output);
        given().get(URL + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private record Result(int exit, String output) {
    }

    /** scripts/image with these arguments, its output (both streams) once it ends. */
    private static Result image(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scripts/image"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
