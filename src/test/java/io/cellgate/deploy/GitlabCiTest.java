package io.cellgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .gitlab-ci.yml checked against GitLab's CI schema (with gitlab-ci-local's validator, as that tool checks a pipeline
 * before running it), its jobs and stages, and every script its jobs call: it exists and may be run, and the test job
 * runs what .ci/run runs.
 */
class GitlabCiTest {
    private static final Path CI_TOOLS = Path.of("scripts/ci");
    private static final Pattern PROJECT_COMMAND = Pattern.compile("(?:^|\\s)(\\./mvnw|scripts/[\\w./-]+)");

    @Test
    void gitlabsSchemaAcceptsThePipelineWithItsSixStagesInOrder() throws Exception {
        JsonNode read = new ObjectMapper().readTree(run(List.of("node", "validate-gitlab-ci.mjs", "../../.gitlab-ci.yml")));
        assertEquals(List.of("build", "test", "contract", "image", "chart", "release"),
                new ObjectMapper().convertValue(read.get("stages"), List.class));
        Map<String, String> stageOfJob = new LinkedHashMap<>();
        read.get("jobs").forEach(job -> stageOfJob.put(job.get("name").asText(), job.get("stage").asText()));
        assertEquals(Map.of("build", "build", "test", "test", "contract", "contract", "container-image", "image",
                "chart", "chart", "release", "release"), stageOfJob);
    }

    @Test
    void aPipelineGitlabWouldRefuseIsRefused(@TempDir Path dir) throws Exception {
        Path invalid = dir.resolve("invalid.yml");
        // a job named like a global keyword, and a misspelt keyword
        Files.writeString(invalid, "stages: [build]\nimage:\n  stage: build\n  script: [x]\n"
                + "build:\n  stage: build\n  script: [a]\n  cachee: {}\n");
        Process validation = new ProcessBuilder("node", "validate-gitlab-ci.mjs", invalid.toString())
                .directory(installedTools()).redirectErrorStream(true).start();
        String output = new String(validation.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(validation.waitFor(2, TimeUnit.MINUTES));
        assertTrue(validation.exitValue() != 0, output);
        assertTrue(output.contains("'cachee' property is not expected") && output.contains("at image"), output);
    }

    @Test
    void everyProjectScriptAJobCallsExistsAndTheTestJobRunsWhatCiRuns() throws Exception {
        JsonNode pipeline = pipeline();
        Map<String, Set<String>> called = new LinkedHashMap<>();
        pipeline.fields().forEachRemaining(entry -> {
            JsonNode script = entry.getValue().get("script");
            if (script == null) {
                return;
            }
            Set<String> commands = new TreeSet<>();
            script.forEach(line -> {
                Matcher command = PROJECT_COMMAND.matcher(line.asText());
                while (command.find()) {
                    commands.add(command.group(1));
                }
            });
            called.put(entry.getKey(), commands);
        });
        assertEquals(Map.of("build", Set.of("./mvnw"), "test", Set.of("scripts/test"), "contract",
                Set.of("scripts/contract"), "container-image", Set.of(), "chart", Set.of("./mvnw"), "release",
                Set.of()), called);
        called.values().stream().flatMap(Set::stream).forEach(command -> {
            File file = new File(command);
            assertTrue(file.isFile() && file.canExecute(), command + " exists and may be run");
        });
        assertTrue(Files.readString(Path.of(".ci/run")).contains("exec scripts/test"),
                ".ci/run runs the test job's command");
        assertTrue(pipeline.at("/container-image/script").toString().contains("--dockerfile docker/Dockerfile.jvm"));
        assertTrue(Files.isRegularFile(Path.of("docker/Dockerfile.jvm")));
        assertTrue(pipeline.at("/release/script").toString().contains("helm package helm/cellgate"));
        assertTrue(Files.isRegularFile(Path.of("helm/cellgate/Chart.yaml")));
        String chartTest = pipeline.at("/chart/script/0").asText().replaceAll(".*-Dtest=(\\w+).*", "$1");
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            assertTrue(sources.anyMatch(f -> f.getFileName().toString().equals(chartTest + ".java")),
                    "the chart job's test " + chartTest + " exists");
        }
    }

    private static JsonNode pipeline() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of(".gitlab-ci.yml").toFile());
    }

    /** Runs a command in scripts/ci (installing its tools first when missing); its output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        return execute(command, installedTools());
    }

    /**
     * scripts/ci with its node modules: GitLab's schema and the validator of gitlab-ci-local, installed without their
     * install scripts (the runner's native regex module is not needed to validate, and would be compiled).
     */
    private static File installedTools() throws IOException, InterruptedException {
        if (!Files.isDirectory(CI_TOOLS.resolve("node_modules/gitlab-ci-local"))) {
            execute(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"),
                    CI_TOOLS.toFile());
        }
        return CI_TOOLS.toFile();
    }

    private static String execute(List<String> command, File directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), command + " ended");
        assertEquals(0, process.exitValue(), command + ":\n" + output);
        return output;
    }
}
