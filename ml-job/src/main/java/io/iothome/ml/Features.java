package io.iothome.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The training rows of a (target, setup): a {@code label}, the named feature columns, a {@code
 * baseline} prediction, the {@code hour_start} the label belongs to, and the train/test split.
 */
final class Features {

    static final String LABEL = "label";
    static final String BASELINE = "baseline";
    static final String HOUR = "hour_start";

    /** Lags of the target given to the forecast model, in hours before the current one. */
    static final List<Integer> TARGET_LAGS = List.of(1, 2);

    private Features() {}

    /** Rows and feature names; {@code train} and {@code test} are the split. */
    record Prepared(List<String> features, Dataset<Row> train, Dataset<Row> test) {}

    /** The original's feature list: every other column of the hour, and its calendar. */
    static List<String> originalFeatures(Target target) {
        List<String> features = new ArrayList<>();
        for (String column : Target.MEASURED) {
            if (!column.equals(target.column)) {
                features.add(column);
            }
        }
        features.add("day_of_year");
        features.add("hour_of_day");
        return features;
    }

    /** The forecast's feature list: the current hour's values, the target's lags, the clock. */
    static List<String> forecastFeatures(Target target) {
        List<String> features = new ArrayList<>();
        for (String column : Target.MEASURED) {
            features.add(column + "_t");
        }
        for (int lag : TARGET_LAGS) {
            features.add(target.column + "_lag" + lag);
        }
        features.addAll(List.of("hour_sin_t", "hour_cos_t", "weekend_t"));
        return features;
    }

    static Prepared original(Dataset<Row> hourly, Target target, long seed) {
        List<String> features = originalFeatures(target);
        Dataset<Row> rows =
                hourly.withColumn(LABEL, col(target.column))
                        .withColumn("day_of_year", col("day_of_year").cast("double"))
                        .withColumn("hour_of_day", col("hour_of_day").cast("double"))
                        .na()
                        .drop(allColumns(features));
        Dataset<Row>[] split = rows.randomSplit(new double[] {0.8, 0.2}, seed);
        return new Prepared(features, split[0], split[1]);
    }

    /**
     * Rows where the next hour, the current one and the lagged ones are all there, one hour apart:
     * a gap in the table never joins hours that are not consecutive.
     */
    static Prepared forecast(Dataset<Row> hourly, Target target) {
        List<String> features = forecastFeatures(target);
        WindowSpec byHour = Window.orderBy(HOUR);
        Dataset<Row> rows = hourly;
        for (String column : Target.MEASURED) {
            rows = rows.withColumn(column + "_t", col(column));
        }
        Column consecutive =
                lead(col(HOUR), 1)
                        .over(byHour)
                        .cast("long")
                        .minus(col(HOUR).cast("long"))
                        .equalTo(3600);
        for (int lag : TARGET_LAGS) {
            rows =
                    rows.withColumn(
                            target.column + "_lag" + lag,
                            lag(col(target.column), lag).over(byHour));
            consecutive =
                    consecutive.and(
                            col(HOUR)
                                    .cast("long")
                                    .minus(lag(col(HOUR), lag).over(byHour).cast("long"))
                                    .equalTo(3600L * lag));
        }
        double radiansPerHour = 2 * Math.PI / 24;
        rows =
                rows.withColumn("hour_sin_t", sin(col("hour_of_day").multiply(radiansPerHour)))
                        .withColumn("hour_cos_t", cos(col("hour_of_day").multiply(radiansPerHour)))
                        .withColumn(
                                "weekend_t",
                                when(dayofweek(col(HOUR)).isin(1, 7), lit(1.0)).otherwise(0.0))
                        .withColumn(LABEL, lead(col(target.column), 1).over(byHour))
                        .withColumn(BASELINE, col(target.column))
                        .withColumn("usable", consecutive)
                        // the label's hour: where the prediction is drawn
                        .withColumn(HOUR, lead(col(HOUR), 1).over(byHour))
                        .filter(col("usable"))
                        .na()
                        .drop(allColumns(features))
                        .withColumn("position", row_number().over(Window.orderBy(HOUR)));
        long count = rows.count();
        long trainSize = Math.round(count * 0.8);
        return new Prepared(
                features,
                rows.filter(col("position").leq(trainSize)),
                rows.filter(col("position").gt(trainSize)));
    }

    private static String[] allColumns(List<String> features) {
        List<String> columns = new ArrayList<>(features);
        columns.add(LABEL);
        return columns.toArray(String[]::new);
    }
}
