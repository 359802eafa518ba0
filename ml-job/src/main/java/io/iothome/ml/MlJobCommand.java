package io.iothome.ml;

import io.iothome.spark.CassandraSettings;
import io.iothome.spark.JobOptions;
import io.iothome.spark.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ml-job}: hourly temperature and kW use regressions. */
@Command(
        name = "ml-job",
        mixinStandardHelpOptions = true,
        version = "ml-job 0.1.0",
        sortOptions = false,
        description = {
            "Fits MLlib linear regressions of the hourly mean temperature and kW use from"
                    + " <keyspace>.weather_prediction (written by the batch job), in two setups:"
                    + " 'original' (the other columns of the same hour, random 80/20 split,"
                    + " baseline: training mean; for comparison only) and 'forecast' (the next"
                    + " hour from what is known now, time-ordered 80/20 split, baseline:"
                    + " persistence). Stores RMSE, MAE and R2 on train and test for model and"
                    + " baseline in <keyspace>.model_metrics, the test predictions in"
                    + " <keyspace>.model_predictions, and the models under --model-dir.",
            "Exit codes: 0 done, 1 the run failed (too few hours, no table, Cassandra), 2 bad"
                    + " options."
        })
public final class MlJobCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MlJobCommand.class);

    @Option(
            names = "--house-id",
            description = "House (IOTHOME_HOUSE_ID; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_HOUSE_ID:-home-c}")
    String houseId;

    @Option(
            names = "--keyspace",
            description = "Batch keyspace (IOTHOME_BATCH_KEYSPACE; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_BATCH_KEYSPACE:-my_batch}")
    String keyspace;

    @Option(
            names = "--model-dir",
            description =
                    "Where to save the fitted models, any path Spark writes"
                            + " (IOTHOME_MODEL_DIR; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_MODEL_DIR:-.local-stack/models}")
    String modelDirectory;

    @Option(
            names = "--seed",
            description = "Seed of the original setup's random split (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Mixin JobOptions job;

    @Override
    public Integer call() {
        CassandraSettings cassandra = job.cassandra();
        try (SparkSession spark =
                SparkSessions.create("iothome-ml", job.master(), cassandra, "UTC")) {
            new MlJob(spark, new MlJob.Settings(houseId, keyspace, modelDirectory, seed, cassandra))
                    .run();
            return 0;
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return 1;
        } catch (Exception e) {
            // Scala code throws checked exceptions (IOException) undeclared
            LOG.error("ML run failed: {}", JobOptions.rootCause(e));
            LOG.debug("ML run failed", e);
            return 1;
        }
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new MlJobCommand());
        command.setParameterExceptionHandler(
                (exception, arguments) -> {
                    LOG.error("{} (see --help)", exception.getMessage());
                    return 2;
                });
        System.exit(command.execute(args));
    }
}
