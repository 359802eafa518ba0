package io.iothome.streaming;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.iothome.model.HomeCColumn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes readings to InfluxDB 2 with the official client's blocking API, in batches, each batch
 * retried with exponential backoff a bounded number of times. A batch that still fails fails the
 * Spark task, hence the micro-batch: the query stops and its checkpoint keeps the batch
 * uncommitted, so a restart replays it. No point is dropped. (The client's non-blocking API loses
 * points when the server goes away and drops the oldest when its buffer fills.)
 *
 * <p>A point: the measurement, the tag {@code house_id}, every attribute as a field (numbers as
 * doubles, icon and summary as strings, the source time as an integer), the event time as its time.
 * The same reading always gives the same series and time, so a replay overwrites.
 */
final class InfluxSink implements ForeachPartitionFunction<Row> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);

    /** One client per executor JVM and server: the HTTP client is worth keeping. */
    private static final Map<String, InfluxDBClient> CLIENTS = new ConcurrentHashMap<>();

    private final InfluxSettings settings;

    InfluxSink(InfluxSettings settings) {
        this.settings = settings;
    }

    @Override
    public void call(Iterator<Row> readings) {
        WriteApiBlocking writer = client(settings).getWriteApiBlocking();
        RetryPolicy<Object> retry =
                RetryPolicy.builder()
                        .handle(RuntimeException.class)
                        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(16))
                        .withMaxAttempts(settings.attempts())
                        .onRetry(
                                event ->
                                        LOG.warn(
                                                "InfluxDB write failed (attempt {} of {}): {};"
                                                        + " retrying",
                                                event.getAttemptCount(),
                                                settings.attempts(),
                                                event.getLastException().toString()))
                        .build();
        List<Point> batch = new ArrayList<>(settings.batchSize());
        while (readings.hasNext()) {
            batch.add(point(readings.next()));
            if (batch.size() == settings.batchSize()) {
                write(writer, retry, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(writer, retry, batch);
        }
    }

    private void write(WriteApiBlocking writer, RetryPolicy<Object> retry, List<Point> batch) {
        try {
            Failsafe.with(retry)
                    .run(() -> writer.writePoints(settings.bucket(), settings.org(), batch));
        } catch (RuntimeException e) {
            Throwable cause =
                    e instanceof FailsafeException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(
                    "InfluxDB at "
                            + settings.url()
                            + " refused or did not take "
                            + batch.size()
                            + " points after "
                            + settings.attempts()
                            + " attempts ("
                            + cause
                            + "); the micro-batch is not committed and will be replayed on"
                            + " restart",
                    cause);
        }
    }

    private Point point(Row reading) {
        Point point =
                Point.measurement(settings.measurement())
                        .addTag("house_id", reading.getAs("house_id"))
                        .time(
                                ((java.sql.Timestamp) reading.getAs("event_time")).toInstant(),
                                WritePrecision.S);
        point.addField("source_time", (long) reading.<Long>getAs("source_time"));
        for (HomeCColumn column : HomeCColumn.values()) {
            if (column == HomeCColumn.TIME) {
                continue;
            }
            Object value = reading.getAs(column.storageName());
            if (value instanceof Double number) {
                point.addField(column.storageName(), number);
            } else if (value instanceof String text) {
                point.addField(column.storageName(), text);
            }
        }
        return point;
    }

    private static InfluxDBClient client(InfluxSettings settings) {
        return CLIENTS.computeIfAbsent(
                settings.url() + "|" + settings.org() + "|" + settings.bucket(),
                key -> {
                    InfluxDBClientOptions options =
                            InfluxDBClientOptions.builder()
                                    .url(settings.url())
                                    .authenticateToken(
                                            (settings.token() == null ? "" : settings.token())
                                                    .toCharArray())
                                    .org(settings.org())
                                    .bucket(settings.bucket())
                                    .build();
                    return InfluxDBClientFactory.create(options);
                });
    }
}
