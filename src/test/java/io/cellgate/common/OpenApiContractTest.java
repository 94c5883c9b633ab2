package io.cellgate.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed contract (openapi/openapi.yaml) is exactly what the code serves. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedContractMatchesTheCode() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path committed = Path.of("openapi/openapi.yaml");
        String expected = Files.exists(committed) ? Files.readString(committed) : "";
        assertEquals(expected.strip(), served.strip(),
                "openapi/openapi.yaml differs from the code; run scripts/update-openapi and review the diff");
    }
}
