package io.iothome.producer;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends file lines to Kafka, keyed by house (one house, one partition, its order kept), and checks
 * every send's outcome. Once a send has finally failed no further line is sent, and the first
 * failed line is where a rerun resumes.
 *
 * <p>The Kafka producer is set for safety and speed together:
 *
 * <ul>
 *   <li>{@code enable.idempotence=true}, {@code acks=all}: a retried batch is written once, in
 *       order, and only acknowledged once every in-sync replica has it;
 *   <li>{@code retries} unbounded within {@code delivery.timeout.ms} = 5 min: a broker restart or a
 *       leader change is ridden out, not reported as a loss;
 *   <li>{@code linger.ms=20}, {@code batch.size=512 KiB}: batches of a few thousand 300-byte lines;
 *   <li>{@code compression.type=lz4}: CSV lines compress about 4:1 for little CPU;
 *   <li>{@code buffer.memory=64 MiB}: when the broker is away, {@code send} blocks (up to {@code
 *       max.block.ms} = 5 min) instead of failing.
 * </ul>
 */
final class ReadingPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;
    private final String topic;
    private final String key;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong highestAcknowledgedLine = new AtomicLong();
    private final AtomicLong firstFailedLine = new AtomicLong(Long.MAX_VALUE);
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong failed = new AtomicLong();
    private long sent;

    ReadingPublisher(String bootstrapServers, String topic, String houseId) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.key = houseId;
        this.producer =
                new KafkaProducer<>(
                        settings(bootstrapServers),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    static Properties settings(String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "iothome-producer");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return settings;
    }

    /** Sends one line (its bytes, as in the file); the outcome is recorded when Kafka answers. */
    void send(long lineNumber, byte[] line) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, line);
        sent++;
        producer.send(
                record,
                (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                        highestAcknowledgedLine.accumulateAndGet(lineNumber, Math::max);
                    } else {
                        failed.incrementAndGet();
                        firstFailedLine.accumulateAndGet(lineNumber, Math::min);
                        firstFailure.compareAndSet(null, exception);
                    }
                });
    }

    /**
     * Checks within 30 s that the broker answers and the topic exists, so neither shows up as a
     * send blocked for minutes; then loads the topic's metadata into the producer.
     *
     * @throws IllegalStateException with a message for a person
     */
    void connect() {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000))) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException(
                        "topic "
                                + topic
                                + " does not exist on "
                                + bootstrapServers
                                + " (create it, or start the local stack, which does)");
            }
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer: " + e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka");
        }
        producer.partitionsFor(topic);
    }

    /** Whether any send has finally failed. */
    boolean hasFailed() {
        return firstFailure.get() != null;
    }

    /** Waits until every sent line is acknowledged or has failed. */
    void flush() {
        producer.flush();
    }

    long sent() {
        return sent;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    long firstFailedLine() {
        return firstFailedLine.get();
    }

    long highestAcknowledgedLine() {
        return highestAcknowledgedLine.get();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
