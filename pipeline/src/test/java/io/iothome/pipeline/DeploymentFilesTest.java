package io.iothome.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.model.HomeCColumn;
import io.iothome.stack.testing.ProjectFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the container deployment without a Docker engine: that the compose file,
 * the Dockerfiles, the programs and the README agree. (`.ci/run` also runs `docker-compose config
 * -q`, which checks the file's syntax and references.)
 */
class DeploymentFilesTest {

    private static final Path ROOT = ProjectFiles.root();
    private static final Pattern VARIABLE = Pattern.compile("IOTHOME_[A-Z0-9_]+");

    /** The variables each of our services cannot run without in compose. */
    private static final Map<String, Set<String>> REQUIRED =
            Map.of(
                    "producer", Set.of("IOTHOME_KAFKA_BOOTSTRAP", "IOTHOME_INPUT"),
                    "streaming-job",
                            Set.of(
                                    "IOTHOME_KAFKA_BOOTSTRAP",
                                    "IOTHOME_CASSANDRA_HOST",
                                    "IOTHOME_CASSANDRA_USER",
                                    "IOTHOME_CASSANDRA_PASSWORD",
                                    "IOTHOME_INFLUX_URL",
                                    "IOTHOME_INFLUX_TOKEN",
                                    "IOTHOME_CHECKPOINT"),
                    "batch-job",
                            Set.of(
                                    "IOTHOME_INPUT",
                                    "IOTHOME_CASSANDRA_HOST",
                                    "IOTHOME_CASSANDRA_USER",
                                    "IOTHOME_CASSANDRA_PASSWORD"),
                    "ml-job",
                            Set.of(
                                    "IOTHOME_CASSANDRA_HOST",
                                    "IOTHOME_CASSANDRA_USER",
                                    "IOTHOME_CASSANDRA_PASSWORD",
                                    "IOTHOME_MODEL_DIR"),
                    "dashboard",
                            Set.of(
                                    "IOTHOME_CASSANDRA_HOST",
                                    "IOTHOME_CASSANDRA_USER",
                                    "IOTHOME_CASSANDRA_PASSWORD"));

    @Test
    void everyVariableAServiceSetsIsOneItsProgramReads() throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : builtServices().entrySet()) {
            String sources = sourcesOf(service.getValue());
            for (String variable : environment(service.getValue()).keySet()) {
                if (variable.startsWith("IOTHOME_")) {
                    assertThat(sources)
                            .as("%s sets %s: does its program read it?", service.getKey(), variable)
                            .contains(variable);
                }
            }
        }
    }

    @Test
    void everyVariableAServiceNeedsIsSet() throws IOException {
        Map<String, Map<String, Object>> services = builtServices();
        assertThat(services.keySet()).containsAll(REQUIRED.keySet());
        REQUIRED.forEach(
                (service, variables) ->
                        assertThat(environment(services.get(service)).keySet())
                                .as(service)
                                .containsAll(variables));
        // and each is read by the program (no typo on either side)
        for (Map.Entry<String, Set<String>> service : REQUIRED.entrySet()) {
            String sources = sourcesOf(services.get(service.getKey()));
            assertThat(service.getValue()).allMatch(variable -> reads(sources, variable));
        }
    }

    @Test
    void secretsComeOnlyFromTheGitIgnoredEnvironmentFile() throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            environment(service.getValue())
                    .forEach(
                            (name, value) -> {
                                if (name.matches(".*(PASSWORD|TOKEN).*")) {
                                    assertThat(String.valueOf(value))
                                            .as("%s %s", service.getKey(), name)
                                            .matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                                }
                            });
        }
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (line.matches("[A-Z_]*(PASSWORD|TOKEN)=.*")) {
                assertThat(line).as("no secret in .env.example").endsWith("=");
            }
        }
    }

    @Test
    void everyDockerfileBuildsAndStartsAsTheReadmeSays() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Path> dockerfiles = dockerfiles();
        assertThat(dockerfiles).hasSize(6);
        for (Path dockerfile : dockerfiles) {
            String text = Files.readString(dockerfile);
            String build = match(text, "(?m)^RUN (mvn .*)$", dockerfile);
            String entry =
                    String.join(
                            " ",
                            match(text, "(?m)^ENTRYPOINT \\[(.*)]$", dockerfile)
                                    .replace("\"", "")
                                    .split(",\\s*"));
            String name = ROOT.relativize(dockerfile).toString();
            assertThat(readme)
                    .as("README's row for %s", name)
                    .contains("| `" + name + "` | `" + build + "` | `" + entry + "` |");
        }
    }

    @Test
    void theClusterWorkerMountsEveryFolderTheJobsExecutorsReadOrWrite() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<Object> worker = values(services.get("spark-worker").get("volumes"));
        for (String job : List.of("streaming-job", "batch-job", "ml-job")) {
            for (Object volume : values(services.get(job).get("volumes"))) {
                String mount = String.valueOf(volume);
                // the streaming checkpoint is written by the driver alone
                if (!mount.contains("/checkpoints")) {
                    assertThat(worker).as("%s mounts %s", job, mount).contains(volume);
                }
            }
        }
    }

    @Test
    void theStreamingJobLeavesTheClusterWorkerCoresForTheBatchJobs() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String options =
                (String) environment(services.get("streaming-job")).get("SPARK_SUBMIT_OPTS");
        int streamingCores =
                Integer.parseInt(match(String.valueOf(options), "spark.cores.max=(\\d+)", null));
        List<Object> worker = values(services.get("spark-worker").get("command"));
        int workerCores = Integer.parseInt((String) worker.get(worker.indexOf("--cores") + 1));
        assertThat(streamingCores).isPositive().isLessThan(workerCores);
    }

    @Test
    void theLiveDashboardTemplateReadsWhatTheStreamingJobWrites() throws IOException {
        Map<String, Object> template = liveDashboardTemplate();
        assertThat(template).containsEntry("kind", "Dashboard");
        Set<String> fields =
                HomeCColumn.numeric().stream()
                        .map(HomeCColumn::storageName)
                        .collect(Collectors.toSet());
        List<Map<String, Object>> charts = list(map(template.get("spec")).get("charts"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(6);
        for (Map<String, Object> chart : charts) {
            for (Map<String, Object> query : list(chart.get("queries"))) {
                String flux = (String) query.get("query");
                assertThat(flux)
                        .contains("from(bucket: \"iothome_bucket\")")
                        .contains("r._measurement == \"iothome_data\"");
                Matcher field = Pattern.compile("r._field == \"([a-z0-9_]+)\"").matcher(flux);
                while (field.find()) {
                    assertThat(fields).as(chart.get("name") + "").contains(field.group(1));
                }
            }
        }
    }

    /**
     * The chart rules `influx apply` enforces (InfluxDB 2's template validation): a known kind, a
     * positive size, an XY chart's geometry and its x and y axes, a table's wrapping.
     */
    @Test
    void theLiveDashboardTemplateKeepsInfluxTemplateChartRules() throws IOException {
        Map<String, Object> template = liveDashboardTemplate();
        assertThat(template).containsEntry("apiVersion", "influxdata.com/v2alpha1");
        for (Map<String, Object> chart : list(map(template.get("spec")).get("charts"))) {
            String name = (String) chart.get("name");
            String kind = ((String) chart.get("kind")).toLowerCase(Locale.ROOT);
            assertThat(kind).as(name).isIn("xy", "table", "single_stat", "gauge", "markdown");
            assertThat((Integer) chart.get("width")).as(name).isPositive();
            assertThat((Integer) chart.get("height")).as(name).isPositive();
            if (kind.equals("xy")) {
                assertThat(chart.get("geom"))
                        .as(name)
                        .isIn("line", "step", "stacked", "monotoneX", "bar");
                assertThat(list(chart.get("axes")).stream().map(axis -> axis.get("name")))
                        .as(name)
                        .contains("x", "y");
            }
            if (kind.equals("table") && chart.containsKey("tableOptions")) {
                assertThat(map(chart.get("tableOptions")).getOrDefault("wrapping", ""))
                        .as(name)
                        .isIn("", "single-line", "truncate", "wrap");
            }
        }
    }

    // --- reading the files

    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Map<String, Object>> services = new LinkedHashMap<>();
            map(compose.get("services")).forEach((name, body) -> services.put(name, map(body)));
            return services;
        }
    }

    private static Map<String, Object> liveDashboardTemplate() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("influx/live-dashboard.yml"))) {
            return new Yaml().load(reader);
        }
    }

    /** The services built from one of our Dockerfiles. */
    private static Map<String, Map<String, Object>> builtServices() throws IOException {
        Map<String, Map<String, Object>> built = new LinkedHashMap<>();
        services()
                .forEach(
                        (name, body) -> {
                            if (body.containsKey("build")) {
                                built.put(name, body);
                            }
                        });
        return built;
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    /** The main sources of the module the service's Dockerfile builds, and what it runs on. */
    private static String sourcesOf(Map<String, Object> service) throws IOException {
        String dockerfile = (String) map(service.get("build")).get("dockerfile");
        String module = Path.of(dockerfile).getParent().toString();
        List<String> modules = new ArrayList<>(List.of(module, "common-model"));
        if (module.endsWith("-job")) {
            modules.add("spark-common");
        }
        StringBuilder sources = new StringBuilder();
        for (String each : modules) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(each).resolve("src/main"))) {
                for (Path file :
                        files.filter(f -> f.toString().matches(".*\\.(java|yml)$")).toList()) {
                    sources.append(Files.readString(file));
                }
            }
        }
        return sources.toString();
    }

    /** The whole name, not a longer one that starts with it. */
    private static boolean reads(String sources, String variable) {
        return Pattern.compile("\\b" + variable + "\\b").matcher(sources).find();
    }

    private static List<Path> dockerfiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT)) {
            return files.map(dir -> dir.resolve("Dockerfile"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static String match(String text, String regex, Path file) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s has %s", file, regex).isTrue();
        return matcher.group(1).trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object yaml) {
        return (List<Map<String, Object>>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Object yaml) {
        return (List<Object>) yaml;
    }
}
