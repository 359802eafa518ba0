package io.iothome.streaming;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import io.iothome.data.HomeCGenerator;
import io.iothome.model.EventTimePolicy;
import io.iothome.spark.CassandraSettings;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the streaming tests share: sending lines, settings, and counting what arrived. */
final class StreamingFixtures {

    private StreamingFixtures() {}

    /** Sends lines to a topic, keyed by house, and waits for every acknowledgement. */
    static void send(String bootstrap, String topic, String house, List<String> lines) {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.LINGER_MS_CONFIG,
                                10),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>(topic, house, line));
            }
            producer.flush();
        }
    }

    /** Generated HomeC data lines (no header, no malformed last row). */
    static List<String> generatedLines(long rows) {
        StringWriter out = new StringWriter();
        try {
            new HomeCGenerator(rows, 7, false).write(out, 0, done -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().lines().skip(1).toList();
    }

    static StreamingSettings settings(
            TestNamespace namespace,
            String topic,
            String influxUrl,
            String measurement,
            Path checkpoint) {
        return new StreamingSettings(
                namespace.endpoints().kafkaBootstrapServers(),
                topic,
                20_000,
                "1 second",
                checkpoint.toUri().toString(),
                EventTimePolicy.homeC(),
                cassandra(namespace),
                namespace.keyspaces().streaming(),
                new InfluxSettings(
                        influxUrl, "test-token", "iothome", "iothome_bucket", measurement, 5000, 3),
                0);
    }

    static CassandraSettings cassandra(TestNamespace namespace) {
        return new CassandraSettings(
                namespace.endpoints().cassandraHost(),
                namespace.endpoints().cassandraPort(),
                null,
                null);
    }

    /**
     * Readings in the raw table (a full scan: fine for test sizes). While the job writes, a count
     * of 100,000 rows can outlast the node's read timeout on a loaded 2-core machine and fail; that
     * says nothing about what is stored, so the count is asked again, up to three times.
     */
    static long rawCount(CqlSession session, String keyspace) {
        String count = "SELECT count(*) FROM " + keyspace + ".raw_row_dataset";
        for (int attempt = 1; ; attempt++) {
            try {
                return session.execute(count).one().getLong(0);
            } catch (ReadFailureException | ReadTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.printf("raw count failed (%s), asking again%n", e.getMessage());
                sleep(Duration.ofSeconds(3));
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting", e);
        }
    }

    /** Distinct event times in the line-protocol store. */
    static long distinctPoints(QuestDbClient questDb, String measurement) {
        if (questDb.count(measurement) == 0) {
            return 0;
        }
        return Long.parseLong(
                questDb.query("SELECT count_distinct(timestamp) FROM " + measurement).get(1)[0]);
    }

    /** Waits until {@code count} reaches {@code expected} and stays there for a moment. */
    static long awaitCount(LongSupplier count, long expected, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long value = count.getAsLong();
        while (value < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = count.getAsLong();
        }
        Thread.sleep(1500);
        return count.getAsLong();
    }
}
