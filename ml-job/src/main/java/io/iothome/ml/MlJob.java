package io.iothome.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.iothome.spark.CassandraSettings;
import io.iothome.spark.CassandraTables;
import io.iothome.spark.HourlyFeatureTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits hourly regressions of temperature and kW use from the batch layer's feature table, in two
 * setups (the original's, for comparison, and an honest next-hour forecast), each beside a
 * baseline; stores metrics and test predictions in Cassandra and the models on disk.
 */
public final class MlJob {

    private static final Logger LOG = LoggerFactory.getLogger(MlJob.class);

    /** Fewer usable hours than this: no split is meaningful. */
    static final int MIN_HOURS = 24;

    /**
     * @param houseId whose hourly table to read
     * @param keyspace the batch keyspace (table {@code weather_prediction} in, results out)
     * @param modelDirectory where fitted models are saved (Spark ML format)
     * @param seed the original setup's random split
     */
    public record Settings(
            String houseId,
            String keyspace,
            String modelDirectory,
            long seed,
            CassandraSettings cassandra) {}

    private final SparkSession spark;
    private final Settings settings;

    public MlJob(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** Runs every (target, setup); fails before fitting anything if there are too few hours. */
    public List<MlResult> run() {
        Instant runAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Dataset<Row> hourly = hourlyTable().cache();
        long hours = hourly.count();
        if (hours > 0) {
            // weekends are those of the zone the batch job computed the hours in
            spark.conf()
                    .set("spark.sql.session.timeZone", hourly.first().<String>getAs("time_zone"));
        }
        LOG.info(
                "Hourly feature table of house {} in {}: {} hours",
                settings.houseId(),
                settings.keyspace(),
                hours);

        // every setup's rows first: too few hours stops the run before any model exists
        List<Target> targets = List.of(Target.TEMPERATURE, Target.USE_KW);
        List<Features.Prepared> prepared = new ArrayList<>();
        for (Target target : targets) {
            prepared.add(Features.original(hourly, target, settings.seed()));
            prepared.add(Features.forecast(hourly, target));
        }
        for (int i = 0; i < prepared.size(); i++) {
            long usable = prepared.get(i).train().count() + prepared.get(i).test().count();
            if (usable < MIN_HOURS) {
                throw new IllegalArgumentException(
                        "too few hours to split: "
                                + usable
                                + " usable hours for "
                                + targets.get(i / 2).column
                                + " ("
                                + (i % 2 == 0 ? Setup.ORIGINAL : Setup.FORECAST).label
                                + "), at least "
                                + MIN_HOURS
                                + " needed; run the batch job on more data first");
            }
        }

        List<MlResult> results = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Target target = targets.get(i / 2);
            Setup setup = i % 2 == 0 ? Setup.ORIGINAL : Setup.FORECAST;
            MlResult result = fit(target, setup, prepared.get(i));
            LOG.info("Result: {}", result.describe());
            results.add(result);
        }
        store(results, runAt);
        hourly.unpersist();
        return results;
    }

    private MlResult fit(Target target, Setup setup, Features.Prepared rows) {
        LeakageGuard.check(target, setup, rows.features());
        Dataset<Row> train = rows.train();
        Dataset<Row> test = rows.test();
        String baseline = "persistence";
        if (setup == Setup.ORIGINAL) {
            baseline = "training mean";
            test = Regression.withTrainingMean(test, train);
            train = Regression.withTrainingMean(train, train);
        }
        train = train.cache();
        test = test.cache();

        long started = System.nanoTime();
        PipelineModel model = Regression.fit(train, rows.features());
        double seconds = (System.nanoTime() - started) / 1e9;
        String path = settings.modelDirectory() + "/" + target.column + "-" + setup.label;
        try {
            model.write().overwrite().save(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the model to " + path, e);
        }

        Dataset<Row> trainPredicted = model.transform(train);
        Dataset<Row> testPredicted = model.transform(test).cache();
        return new MlResult(
                target,
                setup,
                rows.features(),
                train.count(),
                test.count(),
                Regression.score(trainPredicted, "prediction"),
                Regression.score(testPredicted, "prediction"),
                baseline,
                Regression.score(train, Features.BASELINE),
                Regression.score(test, Features.BASELINE),
                seconds,
                path,
                testPredicted.select(
                        col(Features.HOUR),
                        col(Features.LABEL).as("actual"),
                        col("prediction").as("predicted"),
                        col(Features.BASELINE).as("baseline")));
    }

    private Dataset<Row> hourlyTable() {
        return CassandraTables.read(spark, settings.keyspace(), HourlyFeatureTable.TABLE)
                .filter(col("house_id").equalTo(settings.houseId()))
                .drop("readings");
    }

    private void store(List<MlResult> results, Instant runAt) {
        List<Row> metrics = new ArrayList<>();
        for (MlResult result : results) {
            metrics.add(
                    RowFactory.create(
                            settings.houseId(),
                            result.target().column,
                            result.setup().label,
                            Timestamp.from(runAt),
                            result.features().toArray(String[]::new),
                            (int) result.trainCount(),
                            (int) result.testCount(),
                            result.modelTrain().rmse(),
                            result.modelTrain().mae(),
                            result.modelTrain().r2(),
                            result.modelTest().rmse(),
                            result.modelTest().mae(),
                            result.modelTest().r2(),
                            result.baseline(),
                            result.baselineTrain().rmse(),
                            result.baselineTrain().mae(),
                            result.baselineTrain().r2(),
                            result.baselineTest().rmse(),
                            result.baselineTest().mae(),
                            result.baselineTest().r2(),
                            result.trainingSeconds(),
                            result.modelPath()));
            write(
                    result.testPredictions()
                            .withColumn("house_id", lit(settings.houseId()))
                            .withColumn("target", lit(result.target().column))
                            .withColumn("setup", lit(result.setup().label))
                            .withColumn("run_at", lit(Timestamp.from(runAt))),
                    "model_predictions");
        }
        write(spark.createDataFrame(metrics, METRICS_SCHEMA), "model_metrics");
        LOG.info(
                "Stored {} metrics rows and the test predictions in {} (run {})",
                metrics.size(),
                settings.keyspace(),
                runAt);
    }

    private void write(Dataset<Row> rows, String table) {
        CassandraTables.append(rows, settings.keyspace(), table);
    }

    private static final StructType METRICS_SCHEMA = metricsSchema();

    private static StructType metricsSchema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("house_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("target", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("setup", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("run_at", DataTypes.TimestampType, false));
        fields.add(
                DataTypes.createStructField(
                        "features", DataTypes.createArrayType(DataTypes.StringType), false));
        fields.add(DataTypes.createStructField("train_count", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("test_count", DataTypes.IntegerType, false));
        for (String name :
                List.of(
                        "train_rmse",
                        "train_mae",
                        "train_r2",
                        "test_rmse",
                        "test_mae",
                        "test_r2")) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("baseline", DataTypes.StringType, false));
        for (String name :
                List.of(
                        "baseline_train_rmse",
                        "baseline_train_mae",
                        "baseline_train_r2",
                        "baseline_test_rmse",
                        "baseline_test_mae",
                        "baseline_test_r2")) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("training_seconds", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("model_path", DataTypes.StringType, false));
        return new StructType(fields.toArray(StructField[]::new));
    }
}
