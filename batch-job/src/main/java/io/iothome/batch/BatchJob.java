package io.iothome.batch;

import io.iothome.batch.BatchViews.Granularity;
import io.iothome.spark.HourlyFeatureTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch layer: recomputes every historical view of one house from the full data set, in a fixed
 * time zone, and replaces the previous results. Reads like the pipeline it runs: clean, store the
 * preprocessed readings, aggregate, build the hourly features, the appliance energy and the
 * histograms.
 */
public final class BatchJob {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJob.class);

    /** What a run wrote, table by table, and how long each stage took. */
    public record Summary(
            long readings,
            long rejections,
            Map<String, Long> rowsByTable,
            Map<String, Double> secondsByStage) {}

    private final SparkSession spark;
    private final BatchSettings settings;
    private final Map<String, Long> rowsByTable = new LinkedHashMap<>();
    private final Map<String, Double> secondsByStage = new LinkedHashMap<>();

    private boolean measureCompute;

    public BatchJob(SparkSession spark, BatchSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /**
     * Also time the eight aggregates' Spark compute alone on the cached readings, without Cassandra
     * (for the benchmark).
     */
    public BatchJob measuringAggregateCompute() {
        this.measureCompute = true;
        return this;
    }

    public Summary run() {
        long started = System.nanoTime();
        String house = settings.houseId();
        // every month, weekday, day and hour below is one of this zone, never the JVM's
        spark.conf().set("spark.sql.session.timeZone", settings.timeZone());

        // Cassandra first: unreachable, the run fails before any work
        ViewWriter writer = new ViewWriter(spark, settings.batchKeyspace());

        // read and parse once; every view comes from the kept input
        long stage = System.nanoTime();
        CleanInput input =
                settings.readsMasterDataSet()
                        ? CleanInput.fromMasterDataSet(spark, settings)
                        : CleanInput.fromCsv(spark, settings);
        try (writer;
                input) {
            Dataset<Row> readings = input.readings();
            long readingCount = readings.count();
            Dataset<Row> rejections = input.rejections();
            long rejectionCount = rejections.count();
            stageDone(
                    "read+clean",
                    stage,
                    "%d clean readings, %d rejected lines from %s",
                    readingCount,
                    rejectionCount,
                    settings.source());
            if (readingCount == 0) {
                LOG.warn(
                        "No clean reading in {}: every view of house {} will be empty",
                        settings.source(),
                        house);
            }

            BatchViews views = new BatchViews(readings, settings.timeZone());
            if (measureCompute) {
                stage = System.nanoTime();
                long rows = 0;
                for (Granularity granularity : Granularity.values()) {
                    rows += views.energy(granularity).collectAsList().size();
                    rows += views.weather(granularity).collectAsList().size();
                }
                stageDone("aggregates compute only", stage, "%d rows, nothing written", rows);
            }

            stage = System.nanoTime();
            writer.clearRejections(settings.source());
            writer.write(rejections, "rejected_records");
            rowsByTable.put("rejected_records", rejectionCount);
            stageDone("rejections", stage, "%d rejected lines stored", rejectionCount);

            stage = System.nanoTime();
            long cleared = writer.clearHouseDays("preprocessed_row_dataset", house);
            LOG.info("Cleared {} earlier day partitions of house {}", cleared, house);
            writer.write(views.preprocessed(), "preprocessed_row_dataset");
            rowsByTable.put("preprocessed_row_dataset", readingCount);
            stageDone("preprocessed write", stage, "%d readings", readingCount);

            stage = System.nanoTime();
            for (Granularity granularity : Granularity.values()) {
                writeView(writer, "kw_use_" + granularity.tableSuffix, views.energy(granularity));
                writeView(writer, "weather_" + granularity.tableSuffix, views.weather(granularity));
            }
            stageDone("aggregates", stage, "8 tables");

            stage = System.nanoTime();
            writeView(writer, HourlyFeatureTable.TABLE, views.hourly());
            stageDone(
                    "hourly features",
                    stage,
                    "%d hours",
                    rowsByTable.get(HourlyFeatureTable.TABLE));

            stage = System.nanoTime();
            writeView(writer, "appliance_kwh_month", views.applianceKwhByMonth());
            writer.clearHistograms(house, BatchViews.histogramColumns());
            Dataset<Row> histograms = views.histograms(settings.histogramBins()).cache();
            writer.write(histograms, "column_histogram");
            rowsByTable.put("column_histogram", histograms.count());
            histograms.unpersist();
            stageDone(
                    "appliances+histograms",
                    stage,
                    "%d histogram bins",
                    rowsByTable.get("column_histogram"));

            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info(
                    "Batch run done in {} s for house {} ({}): {} readings, {} rejected; rows per"
                            + " table {}",
                    String.format("%.1f", seconds),
                    house,
                    settings.timeZone(),
                    readingCount,
                    rejectionCount,
                    rowsByTable);
            return new Summary(readingCount, rejectionCount, rowsByTable, secondsByStage);
        }
    }

    /** Replaces the house's rows of {@code table} with {@code view}. */
    private void writeView(ViewWriter writer, String table, Dataset<Row> view) {
        Dataset<Row> rows = view.cache();
        writer.clearHouse(table, settings.houseId());
        writer.write(rows, table);
        rowsByTable.put(table, rows.count());
        rows.unpersist();
    }

    private void stageDone(String name, long started, String format, Object... values) {
        double seconds = (System.nanoTime() - started) / 1e9;
        secondsByStage.put(name, seconds);
        LOG.info(
                "Stage {}: {} in {} s",
                name,
                String.format(format, values),
                String.format("%.1f", seconds));
    }

    /** Names of every table a run writes, for documentation and tests. */
    public static List<String> tables() {
        List<String> tables =
                new ArrayList<>(List.of("rejected_records", "preprocessed_row_dataset"));
        for (Granularity granularity : Granularity.values()) {
            tables.add("kw_use_" + granularity.tableSuffix);
            tables.add("weather_" + granularity.tableSuffix);
        }
        tables.addAll(List.of("weather_prediction", "appliance_kwh_month", "column_histogram"));
        return tables;
    }
}
