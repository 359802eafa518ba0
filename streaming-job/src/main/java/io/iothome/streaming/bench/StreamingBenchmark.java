package io.iothome.streaming.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.iothome.model.EventTimePolicy;
import io.iothome.model.HomeCColumn;
import io.iothome.model.ParseResult;
import io.iothome.model.Reading;
import io.iothome.model.ReadingParser;
import io.iothome.spark.CassandraSettings;
import io.iothome.spark.ReadingRows;
import io.iothome.spark.SparkSessions;
import io.iothome.streaming.InfluxSettings;
import io.iothome.streaming.StreamingJob;
import io.iothome.streaming.StreamingSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The streaming job's benchmark (not a test), run by {@code bench/streaming.sh} against a local
 * stack whose topic already holds the generated year:
 *
 * <ol>
 *   <li>drain the topic through the job into Cassandra and the InfluxDB-write server: rows/s end to
 *       end and write time per sink;
 *   <li>the same rows written straight into the same table with the driver's async API (at most 256
 *       in flight): the ceiling;
 *   <li>a steady 200 rows/s into a second topic with a 1 s trigger: p50/p95 latency from produce to
 *       row visible in Cassandra.
 * </ol>
 *
 * <p>Arguments: bootstrap topic file cassandraPort influxUrl checkpointFolder latencySeconds.
 */
public final class StreamingBenchmark {

    private StreamingBenchmark() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        Path file = Path.of(args[2]);
        int cassandraPort = Integer.parseInt(args[3]);
        String influxUrl = args[4];
        Path checkpoints = Path.of(args[5]);
        int latencySeconds = Integer.parseInt(args[6]);
        CassandraSettings cassandra = new CassandraSettings("127.0.0.1", cassandraPort, null, null);

        SparkSession spark = SparkSessions.create("streaming-bench", null, cassandra, "UTC");

        // 1: drain the year
        StreamingJob job =
                new StreamingJob(
                        spark,
                        settings(
                                bootstrap,
                                topic,
                                cassandra,
                                influxUrl,
                                checkpoints,
                                "drain",
                                100_000,
                                "1 second"));
        long started = System.nanoTime();
        StreamingQuery drain = job.start();
        drain.processAllAvailable();
        double drainSeconds = (System.nanoTime() - started) / 1e9;
        drain.stop();
        StreamingJob.Totals totals = job.totals();
        System.out.printf(
                "RESULT drain: %d records (%d accepted) in %.1f s: %.0f rows/s end to end;"
                        + " write time Cassandra %.1f s, InfluxDB %.1f s, rejects %.1f s%n",
                totals.records(),
                totals.accepted(),
                drainSeconds,
                totals.records() / drainSeconds,
                totals.cassandraSeconds(),
                totals.influxSeconds(),
                totals.rejectSeconds());

        // 2: the ceiling: the same rows, straight from the driver, async
        try (CqlSession session = session(cassandraPort)) {
            bareWrite(session, file);
        }

        // 3: latency at a steady 200 rows/s
        String latencyTopic = args.length > 7 ? args[7] : topic + "-latency";
        StreamingJob steady =
                new StreamingJob(
                        spark,
                        settings(
                                bootstrap,
                                latencyTopic,
                                cassandra,
                                influxUrl,
                                checkpoints,
                                "latency",
                                10_000,
                                "1 second"));
        StreamingQuery query = steady.start();
        try (CqlSession session = session(cassandraPort)) {
            latency(session, bootstrap, latencyTopic, file, latencySeconds);
        } finally {
            query.stop();
            spark.stop();
        }
    }

    private static void bareWrite(CqlSession session, Path file) throws Exception {
        ReadingParser parser = new ReadingParser(EventTimePolicy.homeC(), "home-c-bare");
        List<Reading> readings = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (parser.parse(line) instanceof ParseResult.Accepted accepted) {
                readings.add(accepted.reading());
            }
        }
        List<String> columns =
                new ArrayList<>(List.of("house_id", "day", "event_time", "source_time"));
        for (HomeCColumn column : HomeCColumn.values()) {
            if (column != HomeCColumn.TIME) {
                columns.add(column.storageName());
            }
        }
        PreparedStatement insert =
                session.prepare(
                        "INSERT INTO streaming.raw_row_dataset ("
                                + String.join(", ", columns)
                                + ") VALUES ("
                                + String.join(", ", Collections.nCopies(columns.size(), "?"))
                                + ")");
        Semaphore inFlight = new Semaphore(256);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        for (Reading reading : readings) {
            Object[] values = new Object[columns.size()];
            values[0] = reading.houseId();
            values[1] = ReadingRows.day(reading.eventTime());
            values[2] = reading.eventTime();
            values[3] = reading.sourceTime();
            int i = 4;
            for (HomeCColumn column : HomeCColumn.values()) {
                if (column == HomeCColumn.TIME) {
                    continue;
                }
                values[i++] =
                        column == HomeCColumn.ICON
                                ? reading.icon()
                                : column == HomeCColumn.SUMMARY
                                        ? reading.summary()
                                        : reading.number(column);
            }
            inFlight.acquire();
            session.executeAsync(insert.bind(values))
                    .whenComplete(
                            (result, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                                inFlight.release();
                            });
        }
        inFlight.acquire(256);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("bare write failed", failure.get());
        }
        System.out.printf(
                "RESULT bare async write: %d rows in %.1f s: %.0f rows/s%n",
                readings.size(), seconds, readings.size() / seconds);
    }

    private static void latency(
            CqlSession session, String bootstrap, String topic, Path file, int seconds)
            throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        EventTimePolicy policy = EventTimePolicy.homeC();
        Map<Instant, Long> producedAt = new ConcurrentHashMap<>();
        Map<Instant, Long> visibleAt = new ConcurrentHashMap<>();
        int rows = 200 * seconds;
        PreparedStatement newest =
                session.prepare(
                        "SELECT event_time FROM streaming.raw_row_dataset WHERE house_id ="
                                + " 'home-c-latency' AND day = ? LIMIT 400");

        Thread poller =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                for (LocalDate day : days(producedAt)) {
                                    for (Row row : session.execute(newest.bind(day))) {
                                        visibleAt.putIfAbsent(row.getInstant(0), System.nanoTime());
                                    }
                                }
                                try {
                                    Thread.sleep(50);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        poller.start();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                0),
                        new StringSerializer(),
                        new StringSerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                long due = start + i * 5_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String line = lines.get(1 + i);
                Instant event =
                        policy.eventTime(Long.parseLong(line.substring(0, line.indexOf(','))));
                producedAt.put(event, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, "home-c-latency", line));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (visibleAt.size() < rows && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        poller.interrupt();
        poller.join();

        List<Double> latencies = new ArrayList<>();
        for (Map.Entry<Instant, Long> produced : producedAt.entrySet()) {
            Long visible = visibleAt.get(produced.getKey());
            if (visible != null) {
                latencies.add((visible - produced.getValue()) / 1e9);
            }
        }
        Collections.sort(latencies);
        System.out.printf(
                "RESULT latency at 200 rows/s for %d s: %d of %d rows seen; p50 %.2f s, p95 %.2f"
                        + " s, max %.2f s%n",
                seconds,
                latencies.size(),
                rows,
                percentile(latencies, 0.50),
                percentile(latencies, 0.95),
                latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
    }

    private static List<LocalDate> days(Map<Instant, Long> producedAt) {
        Instant latest = producedAt.keySet().stream().max(Instant::compareTo).orElse(null);
        if (latest == null) {
            return List.of();
        }
        LocalDate day = ReadingRows.day(latest);
        return List.of(day.minusDays(1), day);
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static StreamingSettings settings(
            String bootstrap,
            String topic,
            CassandraSettings cassandra,
            String influxUrl,
            Path checkpoints,
            String name,
            long maxOffsets,
            String trigger) {
        return new StreamingSettings(
                bootstrap,
                topic,
                maxOffsets,
                trigger,
                checkpoints.resolve(name).toUri().toString(),
                EventTimePolicy.homeC(),
                cassandra,
                "streaming",
                new InfluxSettings(
                        influxUrl, "", "iothome", "iothome_bucket", "iothome_data", 5000, 5),
                0);
    }

    private static CqlSession session(int port) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", port))
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(
                        com.datastax.oss.driver.api.core.config.DriverConfigLoader
                                .programmaticBuilder()
                                .withDuration(
                                        com.datastax.oss.driver.api.core.config.DefaultDriverOption
                                                .REQUEST_TIMEOUT,
                                        Duration.ofSeconds(30))
                                .build())
                .build();
    }
}
