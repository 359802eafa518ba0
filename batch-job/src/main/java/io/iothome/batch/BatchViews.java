package io.iothome.batch;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.dayofyear;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.iothome.model.HomeCColumn;
import io.iothome.spark.HourlyFeatureTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Every view of the batch layer, computed from one cached DataFrame of clean readings. Months, days
 * of week (1 = Sunday ... 7 = Saturday), days of year and hours are those of the Spark session's
 * time zone, which the job sets explicitly.
 */
final class BatchViews {

    /** A granularity of the energy and weather aggregates, with its key column. */
    enum Granularity {
        ALL_TIME("all_time", null),
        MONTH("month", "month"),
        DAY_OF_WEEK("day_of_week", "day_of_week"),
        DAY_OF_YEAR("day", "day_of_year");

        final String tableSuffix;
        final String keyColumn;

        Granularity(String tableSuffix, String keyColumn) {
            this.tableSuffix = tableSuffix;
            this.keyColumn = keyColumn;
        }

        Column key() {
            return switch (this) {
                case ALL_TIME -> null;
                case MONTH -> month(col("event_time"));
                case DAY_OF_WEEK -> dayofweek(col("event_time"));
                case DAY_OF_YEAR -> dayofyear(col("event_time"));
            };
        }
    }

    /** The nine weather attributes, as the original named them in the aggregate tables. */
    static final List<String[]> WEATHER =
            List.of(
                    new String[] {"temp", "temperature"},
                    new String[] {"hum", "humidity"},
                    new String[] {"vis", "visibility"},
                    new String[] {"apptemp", "apparent_temperature"},
                    new String[] {"pressure", "pressure"},
                    new String[] {"windspeed", "wind_speed"},
                    new String[] {"windbearing", "wind_bearing"},
                    new String[] {"precipint", "precip_intensity"},
                    new String[] {"dpoint", "dew_point"});

    /** The hourly feature table's attributes: hourly means. */
    static final List<String> HOURLY_FEATURES = HourlyFeatureTable.MEASURED;

    /** The preprocessed table leaves these out, as the original did. */
    static final List<String> NOT_PREPROCESSED = List.of("icon", "cloud_cover");

    private static final List<String> KEY = List.of("house_id", "column_name");

    private final Dataset<Row> readings;
    private final String timeZone;

    BatchViews(Dataset<Row> readings, String timeZone) {
        this.readings = readings;
        this.timeZone = timeZone;
    }

    /** Every clean reading without icon and cloud cover. */
    Dataset<Row> preprocessed() {
        return readings.drop(NOT_PREPROCESSED.toArray(String[]::new));
    }

    /** Sums (kW, as the original), mean, max, min, kWh and count of use and gen. */
    Dataset<Row> energy(Granularity granularity) {
        return aggregate(
                granularity,
                count(lit(1)).as("count"),
                sum("use_kw").as("use_kw_total"),
                sum("gen_kw").as("gen_kw_total"),
                avg("use_kw").as("use_kw_avg"),
                avg("gen_kw").as("gen_kw_avg"),
                max("use_kw").as("use_kw_max"),
                max("gen_kw").as("gen_kw_max"),
                min("use_kw").as("use_kw_min"),
                min("gen_kw").as("gen_kw_min"),
                sum("use_kw").divide(60).as("use_kwh"),
                sum("gen_kw").divide(60).as("gen_kwh"));
    }

    /** Count, and mean, min and max of the nine weather attributes. */
    Dataset<Row> weather(Granularity granularity) {
        List<Column> columns = new ArrayList<>();
        columns.add(count(lit(1)).as("count"));
        for (String[] attribute : WEATHER) {
            columns.add(avg(attribute[1]).as("avg" + attribute[0]));
            columns.add(min(attribute[1]).as("min" + attribute[0]));
            columns.add(max(attribute[1]).as("max" + attribute[0]));
        }
        return aggregate(granularity, columns.toArray(Column[]::new));
    }

    private Dataset<Row> aggregate(Granularity granularity, Column... aggregates) {
        if (granularity == Granularity.ALL_TIME) {
            return readings.groupBy(col("house_id"))
                    .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length));
        }
        return readings.groupBy(col("house_id"), granularity.key().as(granularity.keyColumn))
                .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
                .withColumn("time_zone", lit(timeZone));
    }

    /** One row per hour: its start, local day of year and hour, count and hourly means. */
    Dataset<Row> hourly() {
        List<Column> means = new ArrayList<>();
        for (String feature : HOURLY_FEATURES) {
            means.add(avg(feature).as(feature));
        }
        return readings.groupBy(
                        col("house_id"), date_trunc("hour", col("event_time")).as("hour_start"))
                .agg(count(lit(1)).cast("int").as("readings"), means.toArray(Column[]::new))
                .withColumn("day_of_year", dayofyear(col("hour_start")))
                .withColumn("hour_of_day", hour(col("hour_start")))
                .withColumn("time_zone", lit(timeZone));
    }

    /** kWh of each metered circuit per month, one row per (month, appliance). */
    Dataset<Row> applianceKwhByMonth() {
        List<Column> sums = new ArrayList<>();
        List<String> stackArguments = new ArrayList<>();
        for (HomeCColumn appliance : HomeCColumn.appliances()) {
            String name = applianceName(appliance);
            sums.add(sum(appliance.storageName()).divide(60).as(name));
            stackArguments.add("'" + name + "', `" + name + "`");
        }
        Dataset<Row> wide =
                readings.groupBy(col("house_id"), month(col("event_time")).as("month"))
                        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
        return wide.select(
                        col("house_id"),
                        col("month"),
                        expr(
                                "stack("
                                        + sums.size()
                                        + ", "
                                        + String.join(", ", stackArguments)
                                        + ") as (appliance, kwh)"))
                .withColumn("time_zone", lit(timeZone));
    }

    /** An appliance's name in {@code appliance_kwh_month}: its column without {@code _kw}. */
    static String applianceName(HomeCColumn appliance) {
        String storage = appliance.storageName();
        return storage.substring(0, storage.length() - "_kw".length());
    }

    /** The columns with a value histogram: every number the preprocessed table keeps. */
    static List<String> histogramColumns() {
        return HomeCColumn.numeric().stream()
                .map(HomeCColumn::storageName)
                .filter(name -> !NOT_PREPROCESSED.contains(name))
                .collect(Collectors.toList());
    }

    /**
     * Fixed-width histograms of every column, {@code bins} bins between the column's min and max
     * (the last bin includes the max), in one pass over the readings.
     */
    Dataset<Row> histograms(int bins) {
        List<String> columns = histogramColumns();
        String stack =
                "stack("
                        + columns.size()
                        + ", "
                        + columns.stream()
                                .map(c -> "'" + c + "', cast(`" + c + "` as double)")
                                .collect(Collectors.joining(", "))
                        + ") as (column_name, value)";
        Dataset<Row> values =
                readings.select(col("house_id"), expr(stack)).filter(col("value").isNotNull());
        Dataset<Row> ranges =
                values.groupBy("house_id", "column_name")
                        .agg(min("value").as("low"), max("value").as("high"));
        Column width = col("high").minus(col("low")).divide(bins);
        Column bin =
                when(col("high").equalTo(col("low")), lit(0))
                        .otherwise(
                                least(
                                        floor(col("value").minus(col("low")).divide(width)),
                                        lit(bins - 1)))
                        .cast("int");
        return values.join(ranges, JavaConverters.asScalaBuffer(KEY).toSeq())
                .withColumn("bin", bin)
                .groupBy("house_id", "column_name", "bin")
                .agg(count(lit(1)).as("count"), min("low").as("low"), min("high").as("high"))
                .withColumn("bin_low", edge(col("bin"), bins))
                .withColumn(
                        "bin_high",
                        when(col("bin").equalTo(bins - 1), col("high"))
                                .otherwise(edge(col("bin").plus(1), bins)))
                .drop("low", "high");
    }

    /** The lower edge of bin {@code index}. */
    private static Column edge(Column index, int bins) {
        return col("low").plus(col("high").minus(col("low")).divide(bins).multiply(index));
    }
}
