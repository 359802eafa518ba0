package io.iothome.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import io.iothome.model.EventTimePolicy;
import io.iothome.model.ReadingParser;
import io.iothome.spark.CassandraSettings;
import io.iothome.spark.SparkSessions;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.ProjectFiles;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchJobIntegrationTest {

    private static final String NEW_YORK = "America/New_York";

    private TestNamespace namespace;
    private TestNamespace.Keyspaces keyspaces;
    private SparkSession spark;
    private List<String> sampleLines;

    @BeforeAll
    void startSpark(TestNamespace namespace) throws IOException {
        this.namespace = namespace;
        this.keyspaces = namespace.keyspaces();
        this.sampleLines = Files.readAllLines(ProjectFiles.sampleCsv(), StandardCharsets.UTF_8);
        this.spark = SparkSessions.create("batch-test", "local[2]", cassandra(namespace), NEW_YORK);
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyViewMatchesThePlainJavaOracleRowForRow() {
        BatchJob.Summary summary = run(ProjectFiles.sampleCsv().toString(), "home-c", NEW_YORK);

        Oracle oracle = oracle(sampleLines, "home-c", NEW_YORK);
        assertThat(summary.readings()).isEqualTo(2838);
        assertThat(summary.rejections()).isZero();
        assertMatchesOracle("home-c", oracle);
        assertThat(count("preprocessed_row_dataset", "home-c")).isEqualTo(2838);
        assertThat(summary.rowsByTable().keySet())
                .containsExactlyInAnyOrderElementsOf(BatchJob.tables());
    }

    @Test
    void timeZoneDecidesTheDayOfWeekAndHourOfTheFirstReadings() {
        run(ProjectFiles.sampleCsv().toString(), "home-c-ny", NEW_YORK);
        run(ProjectFiles.sampleCsv().toString(), "home-c-utc", "UTC");

        // 2016-01-01T05:00Z is midnight on Friday 1 January in New York, 05:00 in UTC
        Map<Object, Map<String, Object>> newYork =
                rows("weather_prediction", "home-c-ny", "hour_start");
        Map<Object, Map<String, Object>> utc =
                rows("weather_prediction", "home-c-utc", "hour_start");
        Instant first = Instant.parse("2016-01-01T05:00:00Z");
        assertThat(newYork.get(first)).containsEntry("hour_of_day", 0);
        assertThat(utc.get(first)).containsEntry("hour_of_day", 5);
        // the evening of Saturday 2 January in New York is already Sunday in UTC
        Instant saturdayNight = Instant.parse("2016-01-03T02:00:00Z");
        assertThat(ZonedDateTime.ofInstant(saturdayNight, ZoneId.of(NEW_YORK)).getDayOfWeek())
                .isEqualTo(DayOfWeek.SATURDAY);
        Map<Object, Map<String, Object>> weekdaysNy =
                rows("kw_use_day_of_week", "home-c-ny", "day_of_week");
        Map<Object, Map<String, Object>> weekdaysUtc =
                rows("kw_use_day_of_week", "home-c-utc", "day_of_week");
        assertThat(weekdaysNy.keySet()).containsExactly(6, 7); // Friday, Saturday
        assertThat(weekdaysUtc.keySet()).containsExactlyInAnyOrder(6, 7, 1); // and Sunday
        assertMatchesOracle("home-c-utc", oracle(sampleLines, "home-c-utc", "UTC"));
    }

    @Test
    void secondRunLeavesIdenticalTables() {
        run(ProjectFiles.sampleCsv().toString(), "home-c-twice", NEW_YORK);
        Map<String, Object> first = snapshot("home-c-twice");

        run(ProjectFiles.sampleCsv().toString(), "home-c-twice", NEW_YORK);

        assertThat(snapshot("home-c-twice")).isEqualTo(first);
    }

    @Test
    void malformedLinesAreStoredAsRejectsAndTheViewsEqualThoseWithoutThem(@TempDir Path folder)
            throws IOException {
        List<String> messy = new ArrayList<>(sampleLines);
        String good = sampleLines.get(10);
        messy.add(5, good.substring(0, good.lastIndexOf(',')));
        messy.add(100, good.replace(",Clear,", ",Clear,").replaceFirst(",1016.91,", ",high,"));
        messy.add(200, "");
        messy.add(300, good.replaceFirst(",[^,]*$", ",NaN"));
        messy.add("1452128310" + ",".repeat(31));
        Path file = folder.resolve("messy.csv");
        Files.write(file, messy, StandardCharsets.UTF_8);

        BatchJob.Summary summary = run(file.toString(), "home-c-messy", NEW_YORK);

        assertThat(summary.readings()).isEqualTo(2838);
        assertThat(summary.rejections()).isEqualTo(5);
        List<Row> rejects =
                session()
                        .execute(
                                "SELECT position, reason FROM "
                                        + keyspaces.batch()
                                        + ".rejected_records WHERE source = ?",
                                "file:" + file)
                        .all();
        assertThat(rejects)
                .extracting(r -> r.getLong("position") + ":" + r.getString("reason"))
                .containsExactlyInAnyOrder(
                        "6:WRONG_COLUMN_COUNT",
                        "101:NOT_A_NUMBER",
                        "201:BLANK_LINE",
                        "301:MISSING_VALUE",
                        messy.size() + ":MISSING_VALUE");
        assertMatchesOracle("home-c-messy", oracle(sampleLines, "home-c-messy", NEW_YORK));
    }

    @Test
    void masterDataSetInTheRawTableGivesTheSameViewsAsTheFile() {
        // the speed layer's raw table holds the house's readings, as the streaming job writes them
        BatchSettings fromFile =
                settings(ProjectFiles.sampleCsv().toString(), "home-c-master", NEW_YORK);
        try (ViewWriter streaming = new ViewWriter(spark, keyspaces.streaming())) {
            streaming.write(CleanInput.fromCsv(spark, fromFile).readings(), "raw_row_dataset");
        }

        BatchJob.Summary summary =
                new BatchJob(spark, settings(null, "home-c-master", NEW_YORK)).run();

        assertThat(summary.readings()).isEqualTo(2838);
        assertThat(summary.rejections()).isZero();
        assertMatchesOracle("home-c-master", oracle(sampleLines, "home-c-master", NEW_YORK));
    }

    @Test
    void inputWithoutAnyReadingFinishesWithEmptyViews(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("header-only.csv");
        Files.write(file, List.of(sampleLines.get(0), "not,a,reading"), StandardCharsets.UTF_8);

        BatchJob.Summary summary = run(file.toString(), "home-c-empty", NEW_YORK);

        assertThat(summary.readings()).isZero();
        assertThat(summary.rejections()).isEqualTo(1);
        assertThat(count("kw_use_all_time", "home-c-empty")).isZero();
        assertThat(count("weather_prediction", "home-c-empty")).isZero();
    }

    private BatchJob.Summary run(String input, String house, String zone) {
        return new BatchJob(spark, settings(input, house, zone)).run();
    }

    private BatchSettings settings(String input, String house, String zone) {
        return new BatchSettings(
                input,
                house,
                zone,
                EventTimePolicy.homeC(),
                cassandra(namespace),
                keyspaces.streaming(),
                keyspaces.batch(),
                30);
    }

    private Oracle oracle(List<String> lines, String house, String zone) {
        return new Oracle(
                lines, new ReadingParser(EventTimePolicy.homeC(), house), ZoneId.of(zone));
    }

    private void assertMatchesOracle(String house, Oracle oracle) {
        Map<String, Function<ZonedDateTime, Integer>> granularities = new TreeMap<>();
        granularities.put("all_time", t -> 0);
        granularities.put("month", ZonedDateTime::getMonthValue);
        granularities.put("day_of_week", Oracle::sparkDayOfWeek);
        granularities.put("day", ZonedDateTime::getDayOfYear);
        Map<String, String> keys =
                Map.of(
                        "all_time",
                        "",
                        "month",
                        "month",
                        "day_of_week",
                        "day_of_week",
                        "day",
                        "day_of_year");
        for (String granularity : granularities.keySet()) {
            String key = keys.get(granularity);
            assertRows(
                    "kw_use_" + granularity,
                    house,
                    key,
                    oracle.energy(granularities.get(granularity)));
            assertRows(
                    "weather_" + granularity,
                    house,
                    key,
                    oracle.weather(granularities.get(granularity)));
        }
        assertRows("weather_prediction", house, "hour_start", oracle.hourly());

        Map<String, Double> kwh = new TreeMap<>();
        for (Row row :
                session()
                        .execute(
                                "SELECT month, appliance, kwh FROM "
                                        + keyspaces.batch()
                                        + ".appliance_kwh_month WHERE house_id = ?",
                                house)
                        .all()) {
            kwh.put(row.getInt("month") + "/" + row.getString("appliance"), row.getDouble("kwh"));
        }
        Map<String, Double> expected = oracle.applianceKwh();
        assertThat(kwh.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertClose("appliance_kwh_month " + k, kwh.get(k), v));

        // every histogram counts every reading of its column once
        for (String column : BatchViews.histogramColumns()) {
            long counted =
                    session()
                            .execute(
                                    "SELECT count FROM "
                                            + keyspaces.batch()
                                            + ".column_histogram WHERE house_id = ? AND"
                                            + " column_name = ?",
                                    house,
                                    column)
                            .all()
                            .stream()
                            .mapToLong(r -> r.getLong("count"))
                            .sum();
            assertThat(counted).as("histogram of %s", column).isEqualTo(oracle.readingCount());
        }
    }

    private <K> void assertRows(
            String table, String house, String key, Map<K, Map<String, Object>> expected) {
        Map<Object, Map<String, Object>> actual = rows(table, house, key.isEmpty() ? null : key);
        assertThat(actual.keySet())
                .as(table + " keys")
                .isEqualTo(key.isEmpty() ? java.util.Set.of(0) : expected.keySet());
        for (Map.Entry<K, Map<String, Object>> row : expected.entrySet()) {
            Map<String, Object> stored = actual.get(key.isEmpty() ? 0 : row.getKey());
            for (Map.Entry<String, Object> cell : row.getValue().entrySet()) {
                String what = table + "[" + row.getKey() + "]." + cell.getKey();
                Object value = stored.get(cell.getKey());
                if (cell.getValue() instanceof Double number) {
                    assertClose(what, (Double) value, number);
                } else {
                    assertThat(value).as(what).isEqualTo(cell.getValue());
                }
            }
        }
    }

    private static void assertClose(String what, Double actual, double expected) {
        assertThat(actual).as(what).isNotNull();
        double tolerance = Math.max(Math.abs(expected), 1e-300) * 1e-9;
        assertThat(Math.abs(actual - expected))
                .as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(tolerance);
    }

    /** A table's rows of one house, by key column (null: the single whole-period row as 0). */
    private Map<Object, Map<String, Object>> rows(String table, String house, String key) {
        Map<Object, Map<String, Object>> rows = new TreeMap<>();
        for (Map<String, Object> row : houseRows(table, house)) {
            rows.put(key == null ? 0 : row.get(key), row);
        }
        return rows;
    }

    /** Every row of a house in a table keyed by house_id, each as column name → value. */
    private List<Map<String, Object>> houseRows(String table, String house) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row :
                session()
                        .execute(
                                "SELECT * FROM "
                                        + keyspaces.batch()
                                        + "."
                                        + table
                                        + " WHERE house_id = ? ALLOW FILTERING",
                                house)
                        .all()) {
            Map<String, Object> values = new TreeMap<>();
            for (ColumnDefinition column : row.getColumnDefinitions()) {
                values.put(column.getName().asInternal(), row.getObject(column.getName()));
            }
            rows.add(values);
        }
        return rows;
    }

    private Map<String, Object> snapshot(String house) {
        Map<String, Object> tables = new TreeMap<>();
        for (String table : BatchJob.tables()) {
            if (!table.equals("rejected_records") && !table.equals("preprocessed_row_dataset")) {
                tables.put(table, houseRows(table, house));
            }
        }
        tables.put("preprocessed", count("preprocessed_row_dataset", house));
        return tables;
    }

    private long count(String table, String house) {
        String filter = table.equals("preprocessed_row_dataset") ? " ALLOW FILTERING" : "";
        return session()
                .execute(
                        "SELECT count(*) FROM "
                                + keyspaces.batch()
                                + "."
                                + table
                                + " WHERE house_id = ?"
                                + filter,
                        house)
                .one()
                .getLong(0);
    }

    private CqlSession session() {
        return namespace.cassandra();
    }

    private static CassandraSettings cassandra(TestNamespace namespace) {
        return new CassandraSettings(
                namespace.endpoints().cassandraHost(),
                namespace.endpoints().cassandraPort(),
                null,
                null);
    }
}
