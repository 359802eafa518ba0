package io.iothome.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's services as local processes: a Kafka broker, a Cassandra node and an
 * InfluxDB-write server, and on request a Spark standalone master and worker, started together in
 * one working folder, readied on real signals, and stopped together. One stack per folder: a second
 * start while one runs fails with a message.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final Path workDirectory;
    private final StackLock lock;
    private final KafkaBroker kafka;
    private final CassandraNode cassandra;
    private final InfluxWriteServer influx;
    private final SparkMaster sparkMaster;
    private final SparkWorker sparkWorker;
    private StackEndpoints endpoints;
    private volatile boolean stopped;

    private LocalStack(StackSettings settings, StackLock lock) {
        this.settings = settings;
        this.workDirectory = settings.workDirectory().toAbsolutePath();
        this.lock = lock;
        long owner = settings.ownerPid();
        this.kafka =
                new KafkaBroker(
                        workDirectory.resolve("kafka"),
                        settings.kafkaPort(),
                        settings.kafkaControllerPort(),
                        settings.kafkaHeap(),
                        owner);
        this.cassandra =
                new CassandraNode(
                        workDirectory.resolve("cassandra"),
                        settings.cassandraPort(),
                        settings.cassandraStoragePort(),
                        settings.cassandraJmxPort(),
                        settings.cassandraHeap(),
                        settings.fastStart(),
                        owner);
        this.influx =
                new InfluxWriteServer(
                        workDirectory.resolve("questdb"),
                        settings.influxPort(),
                        settings.questDbHeap(),
                        owner);
        SparkClusterSettings cluster = settings.sparkCluster();
        if (cluster == null) {
            this.sparkMaster = null;
            this.sparkWorker = null;
        } else {
            Path spark = workDirectory.resolve("spark");
            SparkHome home = SparkHome.layOut(spark.resolve("home"));
            this.sparkMaster = new SparkMaster(spark.resolve("master"), home, cluster, owner);
            this.sparkWorker =
                    new SparkWorker(spark.resolve("worker"), home, cluster, sparkMaster, owner);
        }
    }

    /**
     * Starts the three servers (in parallel), waits until each answers, then creates the topic,
     * applies the Cassandra schema and creates the measurement.
     *
     * @param clean delete the working folder's data first
     */
    public static LocalStack start(StackSettings settings, boolean clean) {
        Path directory = settings.workDirectory().toAbsolutePath();
        long started = System.nanoTime();
        LocalStack stack = lock(settings, directory, clean);
        try {
            stack.startServers();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        LOG.info(
                "Local stack up in {} s: Kafka {}, Cassandra 127.0.0.1:{}, InfluxDB writes {}{}",
                (System.nanoTime() - started) / 1_000_000_000,
                stack.kafka.bootstrapServers(),
                stack.cassandra.port(),
                stack.influx.url(),
                stack.sparkMaster().map(master -> ", Spark master " + master.url()).orElse(""));
        return stack;
    }

    private static LocalStack lock(StackSettings settings, Path directory, boolean clean) {
        StackLock lock = StackLock.acquire(directory);
        try {
            if (clean) {
                deleteData(directory);
            }
            Files.deleteIfExists(directory.resolve(StackEndpoints.FILE_NAME));
            return new LocalStack(settings, lock);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot use working folder " + directory, e);
        }
    }

    private void startServers() {
        // Cassandra is the slowest: all three start together and are awaited one by one
        cassandra.launch();
        kafka.launch();
        influx.launch();
        CompletableFuture<Void> cassandraReady =
                CompletableFuture.runAsync(() -> cassandra.awaitReady(START_TIMEOUT));
        CompletableFuture<Void> kafkaReady =
                CompletableFuture.runAsync(() -> kafka.awaitReady(START_TIMEOUT));
        CompletableFuture<Void> influxReady =
                CompletableFuture.runAsync(() -> influx.awaitReady(START_TIMEOUT));
        CompletableFuture<Void> sparkReady = CompletableFuture.completedFuture(null);
        if (sparkMaster != null) {
            sparkMaster.launch();
            sparkReady =
                    CompletableFuture.runAsync(
                            () -> {
                                sparkMaster.awaitReady(START_TIMEOUT);
                                sparkWorker.start(START_TIMEOUT);
                            });
        }
        join(kafkaReady);
        join(influxReady);
        join(cassandraReady);
        join(sparkReady);

        kafka.createTopic(settings.topic(), settings.topicPartitions());
        try (CqlSession session = cassandra.session()) {
            CassandraSchema.apply(session);
        }
        influx.createMeasurement(settings.measurement());

        endpoints =
                new StackEndpoints(
                        kafka.bootstrapServers(),
                        "127.0.0.1",
                        cassandra.port(),
                        influx.url(),
                        settings.topic(),
                        settings.measurement(),
                        settings.ownerPid(),
                        servers().stream().map(LocalServer::pid).toList(),
                        sparkMaster == null ? "" : sparkMaster.url(),
                        sparkMaster == null ? "" : sparkMaster.uiUrl());
        endpoints.save(workDirectory);
    }

    private static void join(CompletableFuture<Void> ready) {
        try {
            ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public CassandraNode cassandra() {
        return cassandra;
    }

    public InfluxWriteServer influx() {
        return influx;
    }

    public Path workDirectory() {
        return workDirectory;
    }

    /** The Spark standalone master, when the stack runs one. */
    public Optional<SparkMaster> sparkMaster() {
        return Optional.ofNullable(sparkMaster);
    }

    /** Every server of the stack, the Spark cluster's included. */
    private List<LocalServer> servers() {
        List<LocalServer> servers = new ArrayList<>(List.of(kafka, cassandra, influx));
        if (sparkMaster != null) {
            servers.add(sparkMaster);
            servers.add(sparkWorker);
        }
        return servers;
    }

    /** The log files of the servers, for people and error messages. */
    public List<Path> logFiles() {
        return servers().stream().map(LocalServer::logFile).toList();
    }

    /** Stops the servers (SIGTERM, then SIGKILL after a grace period), together. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        long started = System.nanoTime();
        CompletableFuture.allOf(
                        servers().stream()
                                .map(server -> CompletableFuture.runAsync(server::stop))
                                .toArray(CompletableFuture[]::new))
                .join();
        try {
            Files.deleteIfExists(workDirectory.resolve(StackEndpoints.FILE_NAME));
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", StackEndpoints.FILE_NAME, e.getMessage());
        }
        lock.close();
        LOG.info("Local stack stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void deleteData(Path directory) throws IOException {
        for (String server : List.of("kafka", "cassandra", "questdb", "spark")) {
            Path data = directory.resolve(server);
            if (Files.exists(data)) {
                try (Stream<Path> paths = Files.walk(data)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
        LOG.info("Removed the stack's data under {}", directory);
    }
}
