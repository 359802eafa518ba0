package io.iothome.batch;

import io.iothome.model.Cleaning;
import io.iothome.model.HomeCColumn;
import io.iothome.model.ParseResult;
import io.iothome.model.Reading;
import io.iothome.model.ReadingParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The batch views computed in plain Java, without Spark, from the same lines: what the job's
 * Cassandra tables must hold. Keys are the tables' clustering keys (0 for the whole period).
 */
final class Oracle {

    /** Sums, extremes and counts of named values. */
    static final class Accumulator {
        long count;
        final Map<String, double[]> stats = new TreeMap<>(); // sum, min, max

        void add(String name, double value) {
            double[] s =
                    stats.computeIfAbsent(
                            name, k -> new double[] {0, Double.MAX_VALUE, -Double.MAX_VALUE});
            s[0] += value;
            s[1] = Math.min(s[1], value);
            s[2] = Math.max(s[2], value);
        }

        double sum(String name) {
            return stats.get(name)[0];
        }

        double avg(String name) {
            return sum(name) / count;
        }

        double min(String name) {
            return stats.get(name)[1];
        }

        double max(String name) {
            return stats.get(name)[2];
        }
    }

    private final List<Reading> readings = new ArrayList<>();
    private final ZoneId zone;

    Oracle(List<String> lines, ReadingParser parser, ZoneId zone) {
        this.zone = zone;
        for (String line : lines) {
            if (parser.parse(line) instanceof ParseResult.Accepted accepted) {
                readings.add(accepted.reading());
            }
        }
    }

    int readingCount() {
        return readings.size();
    }

    /** The expected rows of an energy table, by key. */
    Map<Integer, Map<String, Object>> energy(Function<ZonedDateTime, Integer> key) {
        Map<Integer, Map<String, Object>> rows = new TreeMap<>();
        group(key)
                .forEach(
                        (k, a) -> {
                            Map<String, Object> row = new TreeMap<>();
                            row.put("count", a.count);
                            row.put("use_kw_total", a.sum("use_kw"));
                            row.put("gen_kw_total", a.sum("gen_kw"));
                            row.put("use_kw_avg", a.avg("use_kw"));
                            row.put("gen_kw_avg", a.avg("gen_kw"));
                            row.put("use_kw_max", a.max("use_kw"));
                            row.put("gen_kw_max", a.max("gen_kw"));
                            row.put("use_kw_min", a.min("use_kw"));
                            row.put("gen_kw_min", a.min("gen_kw"));
                            row.put("use_kwh", a.sum("use_kw") / 60);
                            row.put("gen_kwh", a.sum("gen_kw") / 60);
                            rows.put(k, row);
                        });
        return rows;
    }

    /** The expected rows of a weather table, by key. */
    Map<Integer, Map<String, Object>> weather(Function<ZonedDateTime, Integer> key) {
        Map<Integer, Map<String, Object>> rows = new TreeMap<>();
        group(key)
                .forEach(
                        (k, a) -> {
                            Map<String, Object> row = new TreeMap<>();
                            row.put("count", a.count);
                            for (String[] attribute : BatchViews.WEATHER) {
                                row.put("avg" + attribute[0], a.avg(attribute[1]));
                                row.put("min" + attribute[0], a.min(attribute[1]));
                                row.put("max" + attribute[0], a.max(attribute[1]));
                            }
                            rows.put(k, row);
                        });
        return rows;
    }

    /** The expected hourly feature rows, by hour start. */
    Map<Instant, Map<String, Object>> hourly() {
        Map<Instant, Accumulator> hours = new TreeMap<>();
        for (Reading reading : readings) {
            Instant start = local(reading).truncatedTo(ChronoUnit.HOURS).toInstant();
            add(hours.computeIfAbsent(start, k -> new Accumulator()), reading);
        }
        Map<Instant, Map<String, Object>> rows = new TreeMap<>();
        hours.forEach(
                (start, a) -> {
                    Map<String, Object> row = new TreeMap<>();
                    ZonedDateTime local = start.atZone(zone);
                    row.put("day_of_year", local.getDayOfYear());
                    row.put("hour_of_day", local.getHour());
                    row.put("readings", (int) a.count);
                    for (String feature : BatchViews.HOURLY_FEATURES) {
                        row.put(feature, a.avg(feature));
                    }
                    rows.put(start, row);
                });
        return rows;
    }

    /** Expected kWh per (month, appliance). */
    Map<String, Double> applianceKwh() {
        Map<String, Double> kwh = new TreeMap<>();
        for (Reading reading : readings) {
            int month = local(reading).getMonthValue();
            for (HomeCColumn appliance : HomeCColumn.appliances()) {
                kwh.merge(
                        month + "/" + BatchViews.applianceName(appliance),
                        reading.value(appliance),
                        Double::sum);
            }
        }
        kwh.replaceAll((k, sum) -> Cleaning.minuteEnergyKwh(sum));
        return kwh;
    }

    private Map<Integer, Accumulator> group(Function<ZonedDateTime, Integer> key) {
        Map<Integer, Accumulator> groups = new TreeMap<>();
        for (Reading reading : readings) {
            add(groups.computeIfAbsent(key.apply(local(reading)), k -> new Accumulator()), reading);
        }
        return groups;
    }

    private static void add(Accumulator accumulator, Reading reading) {
        accumulator.count++;
        for (HomeCColumn column : HomeCColumn.numeric()) {
            Double value = reading.number(column);
            if (value != null) {
                accumulator.add(column.storageName(), value);
            }
        }
    }

    private ZonedDateTime local(Reading reading) {
        return reading.eventTime().atZone(zone);
    }

    /** Spark's dayofweek: 1 = Sunday ... 7 = Saturday. */
    static int sparkDayOfWeek(ZonedDateTime time) {
        return time.getDayOfWeek().getValue() % 7 + 1;
    }
}
