package io.iothome.batch;

import io.iothome.model.EventTimePolicy;
import io.iothome.spark.JobOptions;
import io.iothome.spark.SparkSessions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code batch-job}: recomputes the batch layer's views in Cassandra. */
@Command(
        name = "batch-job",
        mixinStandardHelpOptions = true,
        version = "batch-job 0.1.0",
        sortOptions = false,
        description = {
            "Cleans a HomeC-format CSV (or the master data set in Cassandra) with the shared"
                    + " common-model code and replaces the house's batch views in Cassandra:"
                    + " preprocessed readings, energy and weather aggregates (whole period, month,"
                    + " day of week, day of year), the hourly feature table, kWh per appliance and"
                    + " month, value histograms and the rejected lines.",
            "Runs on local[*] by default, or on the master spark-submit gives it.",
            "Exit codes: 0 done, 1 the run failed, 2 bad options or input.",
            "Each option falls back to the environment variable in its description."
        })
public final class BatchJobCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJobCommand.class);

    @Option(
            names = {"-i", "--input"},
            description =
                    "HomeC-format CSV: a path or any URI Spark reads (IOTHOME_INPUT; default:"
                            + " data/HomeC.csv if it exists, else data/HomeC-generated.csv).",
            defaultValue = "${env:IOTHOME_INPUT}")
    String input;

    @Option(
            names = "--from-cassandra",
            description =
                    "Read the master data set from <streaming keyspace>.raw_row_dataset"
                            + " instead of a CSV (IOTHOME_FROM_CASSANDRA).",
            defaultValue = "${env:IOTHOME_FROM_CASSANDRA:-false}")
    boolean fromCassandra;

    @Option(
            names = "--house-id",
            description =
                    "House the readings belong to (IOTHOME_HOUSE_ID; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_HOUSE_ID:-home-c}")
    String houseId;

    @Option(
            names = "--time-zone",
            description =
                    "Zone of months, weekdays, days and hours (IOTHOME_TIME_ZONE; default:"
                            + " ${DEFAULT-VALUE}, where the house is).",
            defaultValue = "${env:IOTHOME_TIME_ZONE:-America/New_York}")
    String timeZone;

    @Option(
            names = "--event-time",
            description =
                    "How the CSV's time column maps to event time: homec, unix or"
                            + " ORIGIN:STEP (IOTHOME_EVENT_TIME; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_EVENT_TIME:-homec}")
    String eventTime;

    @Mixin JobOptions job;

    @Option(
            names = "--streaming-keyspace",
            description = "Speed layer keyspace (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_STREAMING_KEYSPACE:-streaming}")
    String streamingKeyspace;

    @Option(
            names = "--batch-keyspace",
            description = "Batch layer keyspace (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_BATCH_KEYSPACE:-my_batch}")
    String batchKeyspace;

    @Option(
            names = "--histogram-bins",
            description = "Bins per column histogram (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int histogramBins;

    @Option(
            names = "--measure-compute",
            description =
                    "Also time the aggregates' Spark compute alone, without writing"
                            + " (benchmarks).")
    boolean measureCompute;

    @Override
    public Integer call() {
        BatchSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        try (SparkSession spark =
                SparkSessions.create(
                        "iothome-batch", job.master(), settings.cassandra(), settings.timeZone())) {
            BatchJob job = new BatchJob(spark, settings);
            if (measureCompute) {
                job.measuringAggregateCompute();
            }
            job.run();
            return 0;
        } catch (Exception e) {
            // Scala code throws checked exceptions (IOException) undeclared
            LOG.error("Batch run failed: {}", JobOptions.rootCause(e));
            LOG.debug("Batch run failed", e);
            return 1;
        }
    }

    BatchSettings settings() {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + timeZone + "'");
        }
        if (histogramBins < 1 || histogramBins > 1000) {
            throw new IllegalArgumentException("--histogram-bins must be between 1 and 1000");
        }
        String source = null;
        if (!fromCassandra) {
            source = input != null ? input : defaultInput();
            requireLocalFileExists(source);
        }
        return new BatchSettings(
                source,
                houseId,
                timeZone,
                EventTimePolicy.parse(eventTime),
                job.cassandra(),
                streamingKeyspace,
                batchKeyspace,
                histogramBins);
    }

    private static String defaultInput() {
        Path real = Path.of("data", "HomeC.csv");
        return (Files.exists(real) ? real : Path.of("data", "HomeC-generated.csv"))
                .toAbsolutePath()
                .toString();
    }

    /** A local path (no scheme, or file:) must exist; other file systems are Spark's to check. */
    private static void requireLocalFileExists(String source) {
        URI uri;
        try {
            uri = URI.create(source);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean local = uri == null || uri.getScheme() == null || "file".equals(uri.getScheme());
        if (!local) {
            return;
        }
        Path path = uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : Path.of(source);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("input " + source + " is not a readable file");
        }
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new BatchJobCommand());
        command.setParameterExceptionHandler(
                (exception, arguments) -> {
                    LOG.error("{} (see --help)", exception.getMessage());
                    return 2;
                });
        System.exit(command.execute(args));
    }
}
