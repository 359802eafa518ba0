package io.iothome.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.iothome.spark.CassandraTables;
import io.iothome.spark.ParseOutcomes;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer: the producer's topic → clean readings (the shared parser) → Cassandra's raw
 * table, InfluxDB and, optionally, the console; rejected lines → the rejected-records table. Every
 * sink is an upsert keyed by the reading (or the record's offset), so replaying a micro-batch after
 * a crash rewrites the same rows: effectively once.
 */
public final class StreamingJob {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingJob.class);
    static final String QUERY_NAME = "iothome-streaming";

    private final SparkSession spark;
    private final StreamingSettings settings;
    private final Totals totals = new Totals();

    /** What the job has written since it started, and the time each sink took. */
    public static final class Totals {
        private long records;
        private long accepted;
        private double cassandraSeconds;
        private double influxSeconds;
        private double rejectSeconds;

        synchronized void add(long in, long good, double cassandra, double influx, double rejects) {
            records += in;
            accepted += good;
            cassandraSeconds += cassandra;
            influxSeconds += influx;
            rejectSeconds += rejects;
        }

        public synchronized long records() {
            return records;
        }

        public synchronized long accepted() {
            return accepted;
        }

        public synchronized double cassandraSeconds() {
            return cassandraSeconds;
        }

        public synchronized double influxSeconds() {
            return influxSeconds;
        }

        public synchronized double rejectSeconds() {
            return rejectSeconds;
        }
    }

    public StreamingJob(SparkSession spark, StreamingSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** Starts the query; it runs until stopped or until a micro-batch fails. */
    public StreamingQuery start() throws TimeoutException {
        Dataset<Row> records =
                spark.readStream()
                        .format("kafka")
                        .option("kafka.bootstrap.servers", settings.bootstrapServers())
                        .option("subscribe", settings.topic())
                        .option("startingOffsets", "earliest")
                        .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
                        .option("failOnDataLoss", "true")
                        // a house's readings sit in one Kafka partition: split its offset range
                        // so that parsing and writing use every core, without a shuffle
                        .option("minPartitions", spark.sparkContext().defaultParallelism() * 2)
                        .load()
                        .selectExpr(
                                "CAST(key AS STRING) AS key",
                                "CAST(value AS STRING) AS value",
                                "topic",
                                "partition",
                                "offset");

        LOG.info(
                "Streaming {} from {} (at most {} records per micro-batch, every {}) to"
                        + " Cassandra {} keyspace {}, InfluxDB {}{}; checkpoint {}",
                settings.topic(),
                settings.bootstrapServers(),
                settings.maxOffsetsPerTrigger(),
                settings.triggerInterval(),
                settings.cassandra(),
                settings.keyspace(),
                settings.influx(),
                settings.consoleRows() > 0 ? ", console" : "",
                settings.checkpointLocation());
        return records.writeStream()
                .queryName(QUERY_NAME)
                .option("checkpointLocation", settings.checkpointLocation())
                .trigger(Trigger.ProcessingTime(settings.triggerInterval()))
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) this::writeMicroBatch)
                .start();
    }

    /** The running totals of this job's micro-batches. */
    public Totals totals() {
        return totals;
    }

    /** Parses one micro-batch once and writes it to every sink. */
    void writeMicroBatch(Dataset<Row> records, long batchId) {
        long started = System.nanoTime();
        Dataset<Row> outcomes =
                RecordOutcomes.parse(records, settings.eventTimePolicy())
                        .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // offsets, rows in, accepted and rejected, per partition, in one pass
            List<Row> partitions =
                    outcomes.groupBy("source_partition")
                            .agg(
                                    min("source_offset"),
                                    max("source_offset"),
                                    count("*"),
                                    sum(when(col(ParseOutcomes.ACCEPTED), 1).otherwise(0)))
                            .collectAsList();
            long rows = partitions.stream().mapToLong(p -> p.getLong(3)).sum();
            long accepted = partitions.stream().mapToLong(p -> p.getLong(4)).sum();
            if (rows == 0) {
                LOG.info("Micro-batch {}: no new records", batchId);
                return;
            }

            Dataset<Row> readings =
                    ParseOutcomes.readings(outcomes, RecordOutcomes.POSITION_COLUMNS);
            Dataset<Row> rejections = ParseOutcomes.rejections(outcomes);

            long sink = System.nanoTime();
            if (accepted > 0) {
                writeCassandra(readings, "raw_row_dataset");
            }
            double cassandraSeconds = seconds(sink);

            sink = System.nanoTime();
            if (accepted > 0) {
                readings.foreachPartition(new InfluxSink(settings.influx()));
            }
            double influxSeconds = seconds(sink);

            sink = System.nanoTime();
            if (rows > accepted) {
                writeCassandra(rejections, "rejected_records");
            }
            double rejectSeconds = seconds(sink);
            totals.add(rows, accepted, cassandraSeconds, influxSeconds, rejectSeconds);

            if (settings.consoleRows() > 0 && accepted > 0) {
                readings.select(
                                "house_id",
                                "event_time",
                                "use_kw",
                                "gen_kw",
                                "temperature",
                                "humidity",
                                "pressure",
                                "summary")
                        .show(settings.consoleRows(), false);
            }

            LOG.info(
                    "Micro-batch {}: offsets {}; {} records in, {} accepted, {} rejected;"
                            + " Cassandra {} s, InfluxDB {} s, rejects {} s; {} s in all",
                    batchId,
                    offsets(partitions),
                    rows,
                    accepted,
                    rows - accepted,
                    format(cassandraSeconds),
                    format(influxSeconds),
                    format(rejectSeconds),
                    format(seconds(started)));
        } finally {
            outcomes.unpersist();
        }
    }

    private void writeCassandra(Dataset<Row> rows, String table) {
        CassandraTables.append(rows, settings.keyspace(), table);
    }

    private static String offsets(List<Row> partitions) {
        StringBuilder text = new StringBuilder();
        for (Row partition : partitions) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append('p')
                    .append(partition.getInt(0))
                    .append(' ')
                    .append(partition.getLong(1))
                    .append('-')
                    .append(partition.getLong(2));
        }
        return text.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String format(double seconds) {
        return String.format("%.2f", seconds);
    }
}
