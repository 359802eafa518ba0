package io.iothome.producer;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    /** Record header holding the file line number, for tracing a record to its source. */
    static final String LINE_HEADER = "source_line";

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String key;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong highestAcknowledgedLine = new AtomicLong();
    private final AtomicLong firstFailedLine = new AtomicLong(Long.MAX_VALUE);
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong failed = new AtomicLong();
    private long sent;

    ReadingPublisher(String bootstrapServers, String topic, String houseId) {
        this.topic = topic;
        this.key = houseId;
        this.producer =
                new KafkaProducer<>(
                        settings(bootstrapServers), new StringSerializer(), new StringSerializer());
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

    /** Sends one line; the outcome is recorded when Kafka answers. */
    void send(long lineNumber, String line) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, line);
        record.headers()
                .add(LINE_HEADER, Long.toString(lineNumber).getBytes(StandardCharsets.US_ASCII));
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
