package io.iothome.dashboard;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.iothome.dashboard.store.CassandraConnection;
import io.iothome.dashboard.store.DashboardSettings;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.model.EventTimePolicy;
import io.iothome.model.HomeCColumn;
import io.iothome.model.ParseResult;
import io.iothome.model.Reading;
import io.iothome.model.ReadingParser;
import io.iothome.stack.testing.ProjectFiles;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's test data, made once per test JVM on the build's shared stack: the batch job and
 * then the ML job run on the 2,838 real rows (as child processes, as a user runs them), and the
 * speed layer's raw table gets the same rows. A second pair of keyspaces stays empty.
 */
public final class FilledStore {

    public static final String HOUSE = "home-c";
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static FilledStore instance;

    private final TestNamespace filled;
    private final TestNamespace empty;
    private final int liveReadings;

    private FilledStore(TestNamespace filled, TestNamespace empty, int liveReadings) {
        this.filled = filled;
        this.empty = empty;
        this.liveReadings = liveReadings;
    }

    public static synchronized FilledStore get() {
        if (instance == null) {
            TestNamespace filled = TestNamespace.onSharedStack();
            TestNamespace empty = TestNamespace.onSharedStack();
            empty.keyspaces();
            TestNamespace.Keyspaces keyspaces = filled.keyspaces();
            int port = filled.endpoints().cassandraPort();
            Path models = Path.of("target", "models-" + filled.id()).toAbsolutePath();
            runJob(
                    "batch-job",
                    "io.iothome.batch.BatchJobCommand",
                    "--master",
                    "local[2]",
                    "--input",
                    ProjectFiles.sampleCsv().toString(),
                    "--house-id",
                    HOUSE,
                    "--cassandra-port",
                    String.valueOf(port),
                    "--streaming-keyspace",
                    keyspaces.streaming(),
                    "--batch-keyspace",
                    keyspaces.batch());
            runJob(
                    "ml-job",
                    "io.iothome.ml.MlJobCommand",
                    "--master",
                    "local[2]",
                    "--house-id",
                    HOUSE,
                    "--cassandra-port",
                    String.valueOf(port),
                    "--keyspace",
                    keyspaces.batch(),
                    "--model-dir",
                    models.toString());
            int live = writeLiveReadings(filled.cassandra(), keyspaces.streaming());
            instance = new FilledStore(filled, empty, live);
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        filled.close();
                                        empty.close();
                                    }));
        }
        return instance;
    }

    /** Settings that read the filled keyspaces. */
    public DashboardSettings settings() {
        return settings(filled.keyspaces(), filled.endpoints().cassandraPort());
    }

    /** Settings that read keyspaces with the schema but no rows. */
    public DashboardSettings emptySettings() {
        return settings(empty.keyspaces(), empty.endpoints().cassandraPort());
    }

    public static DashboardSettings settings(TestNamespace.Keyspaces keyspaces, int port) {
        return new DashboardSettings(
                "127.0.0.1",
                port,
                "",
                "",
                "datacenter1",
                keyspaces.streaming(),
                keyspaces.batch(),
                HOUSE,
                ZONE,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));
    }

    public ResultStore store() {
        return new ResultStore(new CassandraConnection(settings()));
    }

    public ResultStore emptyStore() {
        return new ResultStore(new CassandraConnection(emptySettings()));
    }

    /** A session of the test's own, for reading the tables independently of the dashboard. */
    public CqlSession cassandra() {
        return filled.cassandra();
    }

    public TestNamespace.Keyspaces keyspaces() {
        return filled.keyspaces();
    }

    public int liveReadings() {
        return liveReadings;
    }

    private static void runJob(String module, String main, String... arguments) {
        Path root = ProjectFiles.root();
        Path log = Path.of("target", module + "-fill.log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/run-module.sh").toString());
        command.add(module);
        command.add(main);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().put("IOTHOME_JAVA_OPTS", "-Xmx1g");
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(module + " did not finish in 10 min; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        module + " failed (exit " + process.exitValue() + "):\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sample's clean readings into the speed layer's raw table, as the streaming job would. */
    private static int writeLiveReadings(CqlSession session, String keyspace) {
        ReadingParser parser = new ReadingParser(EventTimePolicy.homeC(), HOUSE);
        PreparedStatement insert =
                session.prepare(
                        "INSERT INTO "
                                + keyspace
                                + ".raw_row_dataset (house_id, day, event_time,"
                                + " use_kw, gen_kw, temperature, apparent_temperature, humidity,"
                                + " pressure, wind_speed, visibility, summary)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        List<CompletionStage<?>> writes = new ArrayList<>();
        try {
            for (String line :
                    Files.readAllLines(ProjectFiles.sampleCsv(), StandardCharsets.UTF_8)) {
                if (parser.parse(line) instanceof ParseResult.Accepted accepted) {
                    Reading r = accepted.reading();
                    writes.add(
                            session.executeAsync(
                                    insert.bind(
                                            HOUSE,
                                            LocalDate.ofInstant(r.eventTime(), ZoneOffset.UTC),
                                            r.eventTime(),
                                            r.useKw(),
                                            r.genKw(),
                                            r.temperature(),
                                            r.number(HomeCColumn.APPARENT_TEMPERATURE),
                                            r.number(HomeCColumn.HUMIDITY),
                                            r.number(HomeCColumn.PRESSURE),
                                            r.number(HomeCColumn.WIND_SPEED),
                                            r.number(HomeCColumn.VISIBILITY),
                                            r.summary())));
                    if (writes.size() % 256 == 0) {
                        // a bounded number in flight: a connection takes only so many
                        for (CompletionStage<?> write :
                                writes.subList(writes.size() - 256, writes.size())) {
                            write.toCompletableFuture().get(60, TimeUnit.SECONDS);
                        }
                    }
                }
            }
            for (CompletionStage<?> write : writes) {
                write.toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the live readings", e);
        }
        return writes.size();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
