package io.cellgate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the published contract says what it answers on success. An operation that declares only its
 * errors (an explicit @APIResponse for a 409 keeps the generator from adding the 200) makes generated clients expect
 * no body and ask for problem details only, which the service refuses with 406.
 */
@Tag("unit")
class ContractResponsesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @Test
    void everyOperationDeclaresItsSuccessAndA200Or201HasABody() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile())
                .get("paths");
        List<String> wanting = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = operation.getValue().get("responses");
            List<String> successes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successes.add(code);
                }
            });
            if (successes.isEmpty()) {
                wanting.add(name + ": no success response");
            }
            for (String code : List.of("200", "201")) {
                if (responses.has(code) && responses.get(code).get("content") == null) {
                    wanting.add(name + ": " + code + " without a body");
                }
            }
        }));
        assertEquals(List.of(), wanting);
    }
}
