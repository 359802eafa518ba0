package io.iothome.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.StackEndpoints;
import io.iothome.stack.testing.ProjectFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's one command, run as a user runs it, on the 2,838 real rows, in local mode and on a
 * Spark standalone cluster: ./pipeline.sh starts everything; once it says it is ready, this test
 * counts every table itself, asks the dashboard for its health and views, then stops the run with
 * SIGTERM (as Ctrl-C does) and checks that no process it started is left.
 */
class PipelineEndToEndTest {

    private static final long ROWS = 2838;
    private static final Pattern DASHBOARD = Pattern.compile("Dashboard\\s+(http://\\S+)");

    @Test
    void oneCommandFillsEveryTableServesTheDashboardAndStopsCleanly() throws Exception {
        runPipeline(List.of(), endpoints -> assertThat(endpoints.hasSparkCluster()).isFalse());
    }

    @Test
    void onASparkClusterEveryJobRunsOnTheStandaloneMasterAndFillsTheSameTables() throws Exception {
        runPipeline(
                List.of("--spark-cluster"),
                endpoints -> {
                    Map<String, Object> master = sparkMasterStatus(endpoints);
                    assertThat(master).containsEntry("status", "ALIVE");
                    assertThat(master).containsEntry("aliveworkers", 1);
                    // the batch and ML jobs ran there and ended; the streaming job runs there
                    assertThat(applicationNames(master, "completedapps"))
                            .contains("iothome-batch", "iothome-ml");
                    assertThat(applicationNames(master, "activeapps"))
                            .containsExactly("iothome-streaming");
                });
    }

    /**
     * Runs ./pipeline.sh with {@code options} on the real rows, checks what every run must give,
     * then {@code more} on the running stack, then stops the run.
     */
    private static void runPipeline(List<String> options, Consumer<StackEndpoints> more)
            throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                ProjectFiles.root().resolve("pipeline.sh").toString(),
                                "--input",
                                ProjectFiles.sampleCsv().toString(),
                                "--free-ports",
                                "--work-dir",
                                work.toString()));
        command.addAll(options);
        Process pipeline = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<String> dashboard = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(pipeline, output, dashboard), "pipeline-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String url = dashboard.get(20, TimeUnit.MINUTES);
            StackEndpoints endpoints =
                    StackEndpoints.load(work).orElseThrow(() -> new AssertionError("no endpoints"));

            try (CqlSession cassandra = Summary.session(endpoints)) {
                Map<String, Long> counts = new HashMap<>();
                for (String table : Summary.TABLES) {
                    counts.put(
                            table,
                            cassandra.execute("SELECT count(*) FROM " + table).one().getLong(0));
                }
                assertThat(counts)
                        .containsEntry("streaming.raw_row_dataset", ROWS)
                        .containsEntry("streaming.rejected_records", 0L)
                        .containsEntry("my_batch.preprocessed_row_dataset", ROWS)
                        .containsEntry("my_batch.rejected_records", 0L)
                        .containsEntry("my_batch.kw_use_all_time", 1L)
                        .containsEntry("my_batch.weather_all_time", 1L)
                        // 1-2 January 2016 in New York: one month, two weekdays, two days
                        .containsEntry("my_batch.kw_use_month", 1L)
                        .containsEntry("my_batch.weather_month", 1L)
                        .containsEntry("my_batch.kw_use_day_of_week", 2L)
                        .containsEntry("my_batch.weather_day_of_week", 2L)
                        .containsEntry("my_batch.kw_use_day", 2L)
                        .containsEntry("my_batch.weather_day", 2L)
                        .containsEntry("my_batch.weather_prediction", 48L)
                        .containsEntry("my_batch.appliance_kwh_month", 14L)
                        // two targets, two setups
                        .containsEntry("my_batch.model_metrics", 4L);
                assertThat(counts.get("my_batch.model_predictions")).isPositive();

                // every column's histogram counts every reading once
                Map<String, Long> perColumn = new HashMap<>();
                for (Row bin :
                        cassandra.execute(
                                "SELECT column_name, count FROM my_batch.column_histogram")) {
                    perColumn.merge(bin.getString(0), bin.getLong(1), Long::sum);
                }
                assertThat(perColumn).isNotEmpty();
                assertThat(perColumn.values()).allMatch(total -> total == ROWS);
            }
            assertThat(new QuestDbClient(endpoints.influxUrl()).count(endpoints.measurement()))
                    .isEqualTo(ROWS);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = get(http, url + "actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"");
            for (String view : List.of("", "energy", "models", "live")) {
                HttpResponse<String> page = get(http, url + view);
                assertThat(page.statusCode()).as(view).isEqualTo(200);
                assertThat(page.body()).as(view).contains("<html");
            }

            more.accept(endpoints);

            // Ctrl-C: every process of the run ends
            pipeline.destroy();
            assertThat(pipeline.waitFor(3, TimeUnit.MINUTES)).as("pipeline stopped").isTrue();
            assertThat(endpoints.serverPids())
                    .allMatch(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            assertThat(
                            ProcessHandle.allProcesses()
                                    .filter(
                                            p ->
                                                    p.info()
                                                            .commandLine()
                                                            .orElse("")
                                                            .contains(work.toString()))
                                    .toList())
                    .as("processes left that name the run's folder")
                    .isEmpty();
        } finally {
            if (pipeline.isAlive()) {
                pipeline.destroyForcibly();
            }
            Files.write(work.resolve("pipeline-output.log"), output);
        }
    }

    /** Reads the run's output; completes with the dashboard's URL once the run is ready. */
    private static void follow(
            Process pipeline, List<String> output, CompletableFuture<String> dashboard) {
        String url = null;
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(pipeline.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher matcher = DASHBOARD.matcher(line);
                if (matcher.find()) {
                    url = matcher.group(1).replace("localhost", "127.0.0.1");
                }
                if (line.equals(PipelineCommand.READY_LINE) && url != null) {
                    dashboard.complete(url);
                }
            }
            dashboard.completeExceptionally(
                    new AssertionError(
                            "the pipeline ended before it was ready:\n"
                                    + String.join(
                                            "\n",
                                            output.subList(
                                                    Math.max(0, output.size() - 40),
                                                    output.size()))));
        } catch (Exception e) {
            dashboard.completeExceptionally(e);
        }
    }

    /** The Spark master's JSON status (JSON is YAML, so the YAML reader parses it). */
    private static Map<String, Object> sparkMasterStatus(StackEndpoints endpoints) {
        try {
            String body =
                    get(HttpClient.newHttpClient(), endpoints.sparkMasterUi() + "/json/").body();
            return new Yaml().load(body);
        } catch (Exception e) {
            throw new AssertionError("the Spark master's status did not load", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> applicationNames(Map<String, Object> master, String list) {
        return ((List<Map<String, Object>>) master.get(list))
                .stream().map(app -> (String) app.get("name")).toList();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
