package io.iothome.streaming;

import io.iothome.model.EventTimePolicy;
import io.iothome.spark.JobOptions;
import io.iothome.spark.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streaming-job}: the speed layer, until stopped. */
@Command(
        name = "streaming-job",
        mixinStandardHelpOptions = true,
        version = "streaming-job 0.1.0",
        sortOptions = false,
        description = {
            "Reads the producer's Kafka topic with Spark Structured Streaming, cleans each line"
                    + " with the shared common-model code, and writes every clean reading to"
                    + " Cassandra (<keyspace>.raw_row_dataset) and InfluxDB 2, rejected lines to"
                    + " <keyspace>.rejected_records, and optionally a few rows per micro-batch to"
                    + " the console. Runs until Ctrl-C; a restart resumes from the checkpoint.",
            "Exit codes: 0 stopped, 1 a micro-batch failed (nothing of it is committed: restart"
                    + " to replay it), 2 bad options.",
            "Each option falls back to the environment variable in its description; the InfluxDB"
                    + " token only comes from IOTHOME_INFLUX_TOKEN."
        })
public final class StreamingJobCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingJobCommand.class);

    @Option(
            names = {"-b", "--bootstrap-servers"},
            description = "Kafka (IOTHOME_KAFKA_BOOTSTRAP; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_KAFKA_BOOTSTRAP:-127.0.0.1:9092}")
    String bootstrapServers;

    @Option(
            names = {"-t", "--topic"},
            description = "Topic (IOTHOME_TOPIC; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_TOPIC:-iothome-readings}")
    String topic;

    @Option(
            names = "--max-offsets-per-trigger",
            description =
                    "Cap of records per micro-batch (IOTHOME_MAX_OFFSETS_PER_TRIGGER;"
                            + " default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_MAX_OFFSETS_PER_TRIGGER:-100000}")
    long maxOffsetsPerTrigger;

    @Option(
            names = "--trigger",
            description =
                    "Time between micro-batches (IOTHOME_TRIGGER; default:" + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_TRIGGER:-1 second}")
    String trigger;

    @Option(
            names = "--checkpoint",
            description =
                    "Checkpoint folder or URI; a restart resumes from it"
                            + " (IOTHOME_CHECKPOINT; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_CHECKPOINT:-.local-stack/checkpoints/streaming-job}")
    String checkpoint;

    @Option(
            names = "--event-time",
            description =
                    "How a line's time column maps to event time: homec, unix or"
                            + " ORIGIN:STEP (IOTHOME_EVENT_TIME; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_EVENT_TIME:-homec}")
    String eventTime;

    @Mixin JobOptions job;

    @Option(
            names = "--keyspace",
            description =
                    "Speed layer keyspace (IOTHOME_STREAMING_KEYSPACE; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_STREAMING_KEYSPACE:-streaming}")
    String keyspace;

    @Option(
            names = "--influx-url",
            description = "InfluxDB 2 URL (IOTHOME_INFLUX_URL; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_INFLUX_URL:-http://127.0.0.1:8086}")
    String influxUrl;

    @Option(
            names = "--influx-org",
            description = "InfluxDB organisation (IOTHOME_INFLUX_ORG; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_INFLUX_ORG:-iothome}")
    String influxOrg;

    @Option(
            names = "--influx-bucket",
            description = "InfluxDB bucket (IOTHOME_INFLUX_BUCKET; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_INFLUX_BUCKET:-iothome_bucket}")
    String influxBucket;

    @Option(
            names = "--influx-measurement",
            description =
                    "InfluxDB measurement (IOTHOME_INFLUX_MEASUREMENT; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_INFLUX_MEASUREMENT:-iothome_data}")
    String influxMeasurement;

    @Option(
            names = "--influx-batch-size",
            description = "Points per InfluxDB write (default: ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    int influxBatchSize;

    @Option(
            names = "--influx-attempts",
            description =
                    "Attempts per InfluxDB write, with backoff from 1 s to 16 s, before the"
                            + " micro-batch fails (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int influxAttempts;

    @Option(
            names = "--console-rows",
            description =
                    "Print this many rows per micro-batch to the console (IOTHOME_CONSOLE"
                            + "_ROWS; default: ${DEFAULT-VALUE}, off).",
            defaultValue = "${env:IOTHOME_CONSOLE_ROWS:-0}")
    int consoleRows;

    StreamingSettings settings() {
        if (maxOffsetsPerTrigger < 1
                || influxBatchSize < 1
                || influxAttempts < 1
                || consoleRows < 0) {
            throw new IllegalArgumentException(
                    "--max-offsets-per-trigger, --influx-batch-size and --influx-attempts must be"
                            + " positive, --console-rows 0 or more");
        }
        return new StreamingSettings(
                bootstrapServers,
                topic,
                maxOffsetsPerTrigger,
                trigger,
                checkpoint,
                EventTimePolicy.parse(eventTime),
                job.cassandra(),
                keyspace,
                new InfluxSettings(
                        influxUrl,
                        System.getenv("IOTHOME_INFLUX_TOKEN"),
                        influxOrg,
                        influxBucket,
                        influxMeasurement,
                        influxBatchSize,
                        influxAttempts),
                consoleRows);
    }

    @Override
    public Integer call() {
        StreamingSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        SparkSession spark =
                SparkSessions.create(
                        "iothome-streaming", job.master(), settings.cassandra(), "UTC");
        StreamingQuery query;
        try {
            query = new StreamingJob(spark, settings).start();
        } catch (Exception e) {
            LOG.error("The streaming query did not start: {}", e.toString(), e);
            spark.stop();
            return 1;
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    if (query.isActive()) {
                                        LOG.info("Stopping the streaming query");
                                        try {
                                            query.stop();
                                        } catch (Exception e) {
                                            LOG.warn("stop: {}", e.toString());
                                        }
                                    }
                                },
                                "streaming-stop"));
        try {
            query.awaitTermination();
            LOG.info("Streaming query stopped");
            return 0;
        } catch (StreamingQueryException e) {
            Throwable cause = e.cause();
            while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            LOG.error(
                    "The streaming query stopped on a failed micro-batch: {}. Nothing of that"
                            + " micro-batch is committed; restart the job to replay it from {}",
                    cause.getMessage(),
                    settings.checkpointLocation());
            return 1;
        } finally {
            spark.stop();
        }
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new StreamingJobCommand());
        command.setParameterExceptionHandler(
                (exception, arguments) -> {
                    LOG.error("{} (see --help)", exception.getMessage());
                    return 2;
                });
        System.exit(command.execute(args));
    }
}
