package io.cellgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's configuration reference names every environment variable the service reads. */
@Tag("unit")
class ConfigurationReferenceTest {
    /** Read by the test profile only: the port the Quarkus tests serve on. */
    private static final List<String> TEST_ONLY = List.of("CELLGATE_TEST_HTTP_PORT");

    @Test
    void everyEnvironmentVariableOfTheServiceIsInTheReadmesConfigurationTable() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String readme = Files.readString(Path.of("README.md"));
        TreeSet<String> undocumented = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{(CELLGATE_[A-Z0-9_]+)").matcher(properties);
        while (variable.find()) {
            String name = variable.group(1);
            if (!TEST_ONLY.contains(name) && !readme.contains("| `" + name + "`") && !readme.contains("/ `" + name
                    + "`")) {
                undocumented.add(name);
            }
        }
        assertEquals(new TreeSet<>(), undocumented);
    }
}
