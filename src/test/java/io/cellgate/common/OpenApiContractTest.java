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
        assertEquals("", firstDifference("", expected, yaml.readTree(served)),
                "openapi/openapi.yaml differs from the code; run scripts/update-openapi and review the diff");
    }

    /** The JSON pointer of the first place where the two documents differ, or "" when they are equal. */
    private static String firstDifference(String path, JsonNode committed, JsonNode served) {
        if (committed == null || served == null || committed.getNodeType() != served.getNodeType()) {
            return committed == null && served == null ? "" : path + " (added, removed or of another type)";
        }
        if (committed.isObject() || committed.isArray()) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(keys::add);
            served.fieldNames().forEachRemaining(keys::add);
            int size = Math.max(committed.size(), served.size());
            if (committed.isArray()) {
                for (int i = 0; i < size; i++) {
                    String found = firstDifference(path + "/" + i, committed.get(i), served.get(i));
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            for (String key : keys) {
                String found = firstDifference(path + "/" + key.replace("~", "~0").replace("/", "~1"),
                        committed.get(key), served.get(key));
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        return committed.equals(served) ? "" : path + ": " + committed + " -> " + served;
    }
}
