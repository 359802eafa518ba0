package io.iothome.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's services as local processes: a Kafka broker, a Cassandra node and an
 * InfluxDB-write server, started together in one working folder, readied on real signals, and
 * stopped together. One stack per folder: a second start while one runs fails with a message.
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
                "Local stack up in {} s: Kafka {}, Cassandra 127.0.0.1:{}, InfluxDB writes {}",
                (System.nanoTime() - started) / 1_000_000_000,
                stack.kafka.bootstrapServers(),
                stack.cassandra.port(),
                stack.influx.url());
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
        join(kafkaReady);
        join(influxReady);
        join(cassandraReady);

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
                        List.of(kafka.pid(), cassandra.pid(), influx.pid()));
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

    /** The log files of the servers, for people and error messages. */
    public List<Path> logFiles() {
        return List.of(kafka.logFile(), cassandra.logFile(), influx.logFile());
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
                        CompletableFuture.runAsync(kafka::stop),
                        CompletableFuture.runAsync(influx::stop),
                        CompletableFuture.runAsync(cassandra::stop))
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
        for (String server : List.of("kafka", "cassandra", "questdb")) {
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
