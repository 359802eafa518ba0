package io.iothome.pipeline;

import io.iothome.stack.LocalStack;
import io.iothome.stack.Ports;
import io.iothome.stack.SparkClusterSettings;
import io.iothome.stack.StackEndpoints;
import io.iothome.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline on this machine: the local stack, then the streaming job, the producer, the
 * batch job (once the producer is done), the ML job and the dashboard; a summary of what each
 * produced; then it serves until Ctrl-C, which stops every process it started.
 */
@Command(
        name = "pipeline.sh",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the whole pipeline on this machine, without Docker: Kafka, Cassandra and an"
                    + " InfluxDB-write server as local processes, then the producer, the streaming"
                    + " job, the batch job, the ML job and the dashboard.",
            "Uses data/HomeC.csv when it is there, else generates a year of data"
                    + " (--rows for a quick look). Ctrl-C stops everything."
        })
public final class PipelineCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

    static final long FULL_YEAR_ROWS = 503_910;
    static final String READY_LINE = "Pipeline ready.";

    @Option(
            names = {"-i", "--input"},
            description =
                    "HomeC CSV to replay (default: data/HomeC.csv when present, else a generated"
                            + " file under data/).")
    Path input;

    @Option(
            names = {"-n", "--rows"},
            description =
                    "Rows to generate when there is no data/HomeC.csv (default: ${DEFAULT-VALUE},"
                            + " a full year; 20000 gives a quick look).",
            defaultValue = "" + FULL_YEAR_ROWS)
    long rows;

    @Option(
            names = "--house-id",
            description = "House id of the readings (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_HOUSE_ID:-home-c}")
    String houseId;

    @Option(
            names = "--work-dir",
            description =
                    "Folder of the stack's data, the checkpoint, models and logs (default:"
                            + " .local-stack in the project).")
    Path workDirectory;

    @Option(
            names = "--free-ports",
            description =
                    "Take free ports instead of the usual ones (9092, 9042, 8086, 8080; 7077, 8081"
                            + " and 8082 with --spark-cluster), beside another stack.")
    boolean freePorts;

    @Option(
            names = "--dashboard-port",
            description = "Dashboard HTTP port (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_DASHBOARD_PORT:-8080}")
    int dashboardPort;

    @Option(
            names = "--republish",
            description =
                    "Publish the file again even when the topic already holds as many records.")
    boolean republish;

    @Option(
            names = "--spark-cluster",
            description =
                    "Run the Spark jobs on a Spark standalone master and worker started beside the"
                            + " stack, submitted with bin/spark-submit.sh, instead of local mode.")
    boolean sparkCluster;

    @Option(
            names = "--exit-when-done",
            description = "Stop everything after the summary instead of serving until Ctrl-C.")
    boolean exitWhenDone;

    private final Path root = Path.of(System.getProperty("iothome.root", ".")).toAbsolutePath();
    private final List<ChildProcess> children = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile LocalStack stack;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--rows must be at least 1, got " + rows);
        }
        Path work =
                workDirectory != null
                        ? workDirectory.toAbsolutePath()
                        : root.resolve(".local-stack");
        Path logs = work.resolve("logs");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "pipeline-stop"));
        long started = System.nanoTime();
        try {
            step(
                    1,
                    "local stack (Kafka, Cassandra, InfluxDB-write server"
                            + (sparkCluster ? ", Spark master and worker)" : ")"));
            StackSettings settings =
                    StackSettings.defaultsIn(
                            work, sparkCluster ? SparkClusterSettings.defaults() : null);
            if (freePorts) {
                settings = settings.withFreePorts();
                dashboardPort = Ports.free();
            }
            stack = startStack(settings);
            StackEndpoints endpoints = stack.endpoints();
            Map<String, String> env = environment(endpoints, work);
            SparkJobs jobs = new SparkJobs(root, endpoints, settings.sparkCluster());

            step(2, "dashboard (starts now, ready at the end)");
            ChildProcess dashboard =
                    start(
                            "dashboard",
                            List.of(
                                    java(),
                                    "-Xmx768m",
                                    "-jar",
                                    root.resolve("dashboard/target/dashboard.jar").toString(),
                                    "--server.port=" + dashboardPort),
                            env,
                            logs);

            step(3, "data");
            Path data = dataset(logs);

            step(4, "streaming job (speed layer)");
            Path checkpoint = work.resolve("checkpoints/streaming-job");
            ChildProcess streaming =
                    start(
                            "streaming-job",
                            jobs.command(
                                    "streaming-job",
                                    "io.iothome.streaming.StreamingJobCommand",
                                    "--checkpoint",
                                    checkpoint.toString()),
                            env,
                            logs);

            step(5, "producer: " + data);
            long records = lines(data) - 1;
            long inTopic = topicRecords(endpoints);
            if (inTopic >= records && !republish) {
                LOG.info(
                        "The topic already holds {} records (the file has {}): not publishing"
                                + " again (--republish to force)",
                        inTopic,
                        records);
            } else {
                ChildProcess producer =
                        start(
                                "producer",
                                List.of(
                                        java(),
                                        "-jar",
                                        root.resolve("producer/target/producer.jar").toString(),
                                        "--input",
                                        data.toString()),
                                env,
                                logs);
                producer.awaitSuccess(Duration.ofMinutes(60));
                LOG.info("Producer done: {}", lastLine(producer));
            }
            streaming.checkRunning();

            step(6, "batch job (batch layer)");
            ChildProcess batch =
                    start(
                            "batch-job",
                            jobs.command(
                                    "batch-job",
                                    "io.iothome.batch.BatchJobCommand",
                                    "--input",
                                    data.toString()),
                            env,
                            logs);
            batch.awaitSuccess(Duration.ofMinutes(60));
            LOG.info("Batch job done: {}", lastLine(batch));

            step(7, "ML job");
            ChildProcess ml =
                    start(
                            "ml-job",
                            jobs.command(
                                    "ml-job",
                                    "io.iothome.ml.MlJobCommand",
                                    "--model-dir",
                                    work.resolve("models").toString()),
                            env,
                            logs);
            ml.awaitSuccess(Duration.ofMinutes(30));
            LOG.info("ML job done");

            step(8, "streaming job catching up");
            awaitStreaming(streaming, checkpoint, topicRecords(endpoints));

            step(9, "dashboard health");
            awaitHealthy(dashboard);

            Summary.print(endpoints, started);
            printWhereToLook(endpoints, work);
            System.out.println(READY_LINE);
            System.out.println(
                    exitWhenDone
                            ? "Stopping (--exit-when-done)."
                            : "Serving; Ctrl-C stops every process this run started.");
            System.out.flush();
            if (!exitWhenDone) {
                // serve until Ctrl-C; a part that dies ends the run
                while (!stopped.await(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                    streaming.checkRunning();
                    dashboard.checkRunning();
                }
            }
            return 0;
        } catch (PipelineException e) {
            if (stopping) {
                // Ctrl-C: the parts ended because we stopped them
                return 0;
            }
            LOG.error("{}", e.getMessage());
            return 1;
        } finally {
            stopAll();
        }
    }

    /** The stack, or a message a person can act on (a busy port, a folder in use). */
    private static LocalStack startStack(StackSettings settings) {
        try {
            return LocalStack.start(settings, false);
        } catch (RuntimeException e) {
            throw new PipelineException(
                    "the local stack did not start: "
                            + e.getMessage()
                            + " (another stack on the same ports or folder? --free-ports and"
                            + " --work-dir run a second one)");
        }
    }

    private static void step(int number, String what) {
        LOG.info("[{}/9] {}", number, what);
    }

    /** The real file when it is there; else the generated one, made once per size. */
    private Path dataset(Path logs) throws InterruptedException {
        if (input != null) {
            Path file = input.toAbsolutePath();
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new PipelineException("--input " + file + " is not a readable file");
            }
            return file;
        }
        Path real = root.resolve("data/HomeC.csv");
        if (Files.isReadable(real)) {
            LOG.info("Using the real file {}", real);
            return real;
        }
        Path generated =
                root.resolve(
                        rows == FULL_YEAR_ROWS
                                ? "data/HomeC-generated.csv"
                                : "data/HomeC-generated-" + rows + ".csv");
        if (Files.isReadable(generated)) {
            LOG.info("Using the generated file {} (made earlier)", generated);
            return generated;
        }
        LOG.info("No data/HomeC.csv: generating {} rows into {}", rows, generated);
        start(
                        "data-generator",
                        List.of(
                                java(),
                                "-jar",
                                root.resolve("data/target/data-generator.jar").toString(),
                                "--output",
                                generated.toString(),
                                "--rows",
                                Long.toString(rows)),
                        Map.of(),
                        logs)
                .awaitSuccess(Duration.ofMinutes(10));
        return generated;
    }

    private Map<String, String> environment(StackEndpoints endpoints, Path work) {
        return Map.of(
                "IOTHOME_SPARK_HOME", work.resolve("spark/home").toString(),
                "IOTHOME_KAFKA_BOOTSTRAP", endpoints.kafkaBootstrapServers(),
                "IOTHOME_TOPIC", endpoints.topic(),
                "IOTHOME_CASSANDRA_HOST", endpoints.cassandraHost(),
                "IOTHOME_CASSANDRA_PORT", Integer.toString(endpoints.cassandraPort()),
                "IOTHOME_INFLUX_URL", endpoints.influxUrl(),
                "IOTHOME_INFLUX_MEASUREMENT", endpoints.measurement(),
                "IOTHOME_HOUSE_ID", houseId,
                "IOTHOME_DASHBOARD_PORT", Integer.toString(dashboardPort));
    }

    private ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path logs) {
        ChildProcess child = ChildProcess.start(name, command, env, logs);
        synchronized (children) {
            children.add(child);
        }
        return child;
    }

    /** Waits until the streaming job committed every record the topic holds. */
    private static void awaitStreaming(ChildProcess streaming, Path checkpoint, long target)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        long lastReport = 0;
        while (true) {
            streaming.checkRunning();
            long done = StreamingProgress.committedOffsets(checkpoint).orElse(0);
            if (done >= target) {
                LOG.info("Streaming job caught up: {} of {} records", done, target);
                return;
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(15).toNanos()) {
                LOG.info("Streaming job: {} of {} records", done, target);
                lastReport = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new PipelineException(
                        "the streaming job did not catch up within 60 min;"
                                + " log: "
                                + streaming.log());
            }
            Thread.sleep(2000);
        }
    }

    private void awaitHealthy(ChildProcess dashboard) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + dashboardPort + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            dashboard.checkRunning();
            try {
                HttpResponse<String> response =
                        http.send(
                                HttpRequest.newBuilder(health)
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    LOG.info("Dashboard healthy (Cassandra reachable) on port {}", dashboardPort);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new PipelineException(
                "the dashboard was not healthy within 5 min; log: " + dashboard.log());
    }

    private void printWhereToLook(StackEndpoints endpoints, Path work) {
        String questDb = endpoints.influxUrl();
        System.out.println();
        System.out.println("Where to look:");
        System.out.println("  Dashboard        http://localhost:" + dashboardPort + "/");
        System.out.println(
                "  Live store       curl -G "
                        + questDb
                        + "/exec --data-urlencode"
                        + " \"query=SELECT * FROM "
                        + endpoints.measurement()
                        + " ORDER BY timestamp DESC LIMIT 5\"");
        System.out.println(
                "  Kafka            "
                        + endpoints.kafkaBootstrapServers()
                        + ", topic "
                        + endpoints.topic());
        System.out.println(
                "  Cassandra        "
                        + endpoints.cassandraHost()
                        + ":"
                        + endpoints.cassandraPort()
                        + " (keyspaces streaming, my_batch)");
        if (endpoints.hasSparkCluster()) {
            System.out.println(
                    "  Spark master     "
                            + endpoints.sparkMasterUrl()
                            + " (UI "
                            + endpoints.sparkMasterUi()
                            + ")");
        }
        System.out.println("  Logs             " + work.resolve("logs"));
    }

    /** Stops the children newest first, then the stack; safe to call twice. */
    private synchronized void stopAll() {
        stopping = true;
        List<ChildProcess> toStop;
        synchronized (children) {
            toStop = new ArrayList<>(children);
            children.clear();
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            toStop.get(i).stop();
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
        stopped.countDown();
    }

    private static long topicRecords(StackEndpoints endpoints) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                endpoints.kafkaBootstrapServers()))) {
            var partitions =
                    admin.describeTopics(List.of(endpoints.topic()))
                            .allTopicNames()
                            .get()
                            .get(endpoints.topic())
                            .partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(
                    p ->
                            latest.put(
                                    new TopicPartition(endpoints.topic(), p.partition()),
                                    OffsetSpec.latest()));
            ListOffsetsResult offsets = admin.listOffsets(latest);
            return offsets.all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        } catch (Exception e) {
            throw new PipelineException("could not read the topic's offsets: " + e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's last log line without its time and logger ("Summary: ..."). */
    private static String lastLine(ChildProcess child) {
        String tail = child.tail();
        String line = tail.substring(tail.lastIndexOf('\n') + 1);
        int message = line.indexOf(" - ");
        return message < 0 ? line : line.substring(message + 3);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
