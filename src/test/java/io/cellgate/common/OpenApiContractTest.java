package io.cellgate.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (openapi/openapi.yaml) says exactly what the running service serves. The served document is
 * written to target/openapi-served.yaml, which scripts/update-openapi copies over the committed one.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedContractMatchesTheCode() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target/openapi-served.yaml"), served);
        YAMLMapper yaml = new YAMLMapper();
        JsonNode expected = yaml.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        assertEquals(expected, yaml.readTree(served),
                "openapi/openapi.yaml differs from the code; run scripts/update-openapi and review the diff");
    }
}
