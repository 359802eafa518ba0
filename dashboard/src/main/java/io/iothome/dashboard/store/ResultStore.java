package io.iothome.dashboard.store;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The reads behind every view, each one fixed statement on one partition (but for the Live view's
 * day list). Results come back as small domain records; an empty list means the producing job has
 * not written the table yet.
 */
@Service
public class ResultStore {

    private final CassandraConnection cassandra;
    private final String house;

    public ResultStore(CassandraConnection cassandra) {
        this.cassandra = cassandra;
        this.house = cassandra.settings().houseId();
    }

    public DashboardSettings settings() {
        return cassandra.settings();
    }

    /** Cassandra's release version: answers only when a query round trip works. */
    public String ping() {
        return cassandra.rows(ViewQuery.PING).get(0).getString("release_version");
    }

    /** An aggregate table's rows in period order (one row for the whole period). */
    public List<AggregateRow> aggregates(DatasetKind dataset, Granularity granularity) {
        List<AggregateRow> result = new ArrayList<>();
        for (Row row : cassandra.rows(ViewQuery.aggregates(dataset, granularity), house)) {
            Map<String, Double> values = new HashMap<>();
            for (ColumnDefinition column : row.getColumnDefinitions()) {
                if (column.getType().equals(DataTypes.DOUBLE)) {
                    String name = column.getName().asInternal();
                    values.put(name, row.get(name, Double.class));
                }
            }
            Integer period =
                    granularity.periodColumn() == null
                            ? null
                            : row.getInt(granularity.periodColumn());
            result.add(new AggregateRow(period, row.getLong("count"), values));
        }
        result.sort(
                Comparator.comparing(
                        AggregateRow::period, Comparator.nullsFirst(Integer::compare)));
        return result;
    }

    /** The value histogram of one preprocessed column, in bin order. */
    public List<HistogramBin> histogram(String column) {
        return cassandra.rows(ViewQuery.HISTOGRAM, house, column).stream()
                .map(
                        row ->
                                new HistogramBin(
                                        row.getInt("bin"),
                                        row.getDouble("bin_low"),
                                        row.getDouble("bin_high"),
                                        row.getLong("count")))
                .toList();
    }

    /**
     * The preprocessed table's days and their reading counts, oldest first, from the hourly table
     * (one small partition) instead of a scan of half a million rows.
     */
    public List<DayCount> preprocessedDays() {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (Row row : cassandra.rows(ViewQuery.HOURS, house)) {
            LocalDate day = LocalDate.ofInstant(row.getInstant("hour_start"), ZoneOffset.UTC);
            byDay.merge(day, (long) row.getInt("readings"), Long::sum);
        }
        return byDay.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
    }

    /** One UTC day of preprocessed readings, oldest first. */
    public List<ReadingRow> preprocessedDay(LocalDate day) {
        return cassandra.rows(ViewQuery.PREPROCESSED_DAY, house, day).stream()
                .map(ResultStore::reading)
                .toList();
    }

    /** kWh per month and appliance. */
    public List<ApplianceEnergy> applianceEnergy() {
        return cassandra.rows(ViewQuery.APPLIANCE_MONTH, house).stream()
                .map(
                        row ->
                                new ApplianceEnergy(
                                        row.getInt("month"),
                                        row.getString("appliance"),
                                        row.getDouble("kwh")))
                .toList();
    }

    /** The newest run of each setup for a target ("temperature" or "use_kw"), by setup name. */
    public List<ModelRun> latestModelRuns(String target) {
        Map<String, ModelRun> newest = new LinkedHashMap<>();
        for (Row row : cassandra.rows(ViewQuery.MODEL_METRICS, house, target)) {
            // rows come newest first within each setup
            newest.putIfAbsent(row.getString("setup"), modelRun(row));
        }
        return List.copyOf(newest.values());
    }

    /** The test hours of one run, in time order. */
    public List<Prediction> predictions(ModelRun run) {
        return cassandra
                .rows(ViewQuery.MODEL_PREDICTIONS, house, run.target(), run.setup(), run.runAt())
                .stream()
                .map(
                        row ->
                                new Prediction(
                                        row.getInstant("hour_start"),
                                        row.getDouble("actual"),
                                        row.getDouble("predicted"),
                                        row.get("baseline", Double.class)))
                .toList();
    }

    /** The newest UTC day the speed layer holds readings for, if any. */
    public Optional<LocalDate> newestLiveDay() {
        return cassandra.rows(ViewQuery.LIVE_DAYS).stream()
                .filter(row -> house.equals(row.getString("house_id")))
                .map(row -> row.getLocalDate("day"))
                .max(Comparator.naturalOrder());
    }

    /** The newest readings of one UTC day of the speed layer, newest first. */
    public List<ReadingRow> newestReadings(LocalDate day, int limit) {
        return cassandra.rows(ViewQuery.LIVE_NEWEST, house, day, limit).stream()
                .map(ResultStore::reading)
                .toList();
    }

    private static ReadingRow reading(Row row) {
        return new ReadingRow(
                row.getInstant("event_time"),
                row.get("use_kw", Double.class),
                row.get("gen_kw", Double.class),
                row.get("temperature", Double.class),
                row.get("apparent_temperature", Double.class),
                row.get("humidity", Double.class),
                row.get("pressure", Double.class),
                row.get("wind_speed", Double.class),
                row.get("visibility", Double.class),
                row.getString("summary"));
    }

    private static ModelRun modelRun(Row row) {
        Instant runAt = row.getInstant("run_at");
        return new ModelRun(
                row.getString("target"),
                row.getString("setup"),
                runAt,
                row.getList("features", String.class),
                row.getInt("train_count"),
                row.getInt("test_count"),
                new ModelRun.Fit(
                        row.getDouble("train_rmse"),
                        row.getDouble("train_mae"),
                        row.getDouble("train_r2"),
                        row.getDouble("test_rmse"),
                        row.getDouble("test_mae"),
                        row.getDouble("test_r2")),
                row.getString("baseline"),
                new ModelRun.Fit(
                        row.getDouble("baseline_train_rmse"),
                        row.getDouble("baseline_train_mae"),
                        row.getDouble("baseline_train_r2"),
                        row.getDouble("baseline_test_rmse"),
                        row.getDouble("baseline_test_mae"),
                        row.getDouble("baseline_test_r2")));
    }
}
