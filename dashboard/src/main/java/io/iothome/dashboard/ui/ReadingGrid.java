package io.iothome.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.DataProvider;
import io.iothome.dashboard.store.DayCount;
import io.iothome.dashboard.store.ReadingRow;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.model.HomeCColumn;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The preprocessed readings, oldest first, loaded a page at a time as the grid scrolls. The grid
 * knows the total and each day's count from the hourly table; a page is cut from the one or two day
 * partitions it falls in (at most 1,440 rows each), and a few days stay cached.
 */
public class ReadingGrid extends Grid<ReadingRow> {

    private static final int CACHED_DAYS = 8;

    private final ResultStore store;
    private final ZoneId zone;
    private final Map<LocalDate, List<ReadingRow>> cachedDays =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<LocalDate, List<ReadingRow>> e) {
                    return size() > CACHED_DAYS;
                }
            };
    private List<DayCount> days = List.of();
    private long[] firstIndexOfDay = new long[0];
    private long total;

    public ReadingGrid(ResultStore store) {
        this.store = store;
        this.zone = store.settings().timeZone();
        setId("readings");
        setHeight("420px");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(r -> Format.minute(r.eventTime(), zone))
                .setHeader("Time (" + zone.getId() + ")")
                .setKey("time")
                .setAutoWidth(true);
        number("Use (kW)", "use", ReadingRow::useKw);
        number("Gen (kW)", "gen", ReadingRow::genKw);
        number("Temperature (°C)", "temperature", ReadingRow::temperature);
        number("Apparent (°C)", "apparent", ReadingRow::apparentTemperature);
        number("Humidity (0–1)", "humidity", ReadingRow::humidity);
        number("Pressure (hPa)", "pressure", ReadingRow::pressure);
        number("Wind (mph)", "wind", ReadingRow::windSpeed);
        number("Visibility (mi)", "visibility", ReadingRow::visibility);
        addColumn(ReadingRow::summary).setHeader("Summary").setKey("summary").setAutoWidth(true);
    }

    private void number(String header, String key, Function<ReadingRow, Double> value) {
        addColumn(r -> Format.number(value.apply(r))).setHeader(header).setKey(key);
    }

    /** Reads the day index and resets the grid; false when the table is still empty. */
    public boolean load() {
        days = store.preprocessedDays();
        firstIndexOfDay = new long[days.size()];
        long index = 0;
        for (int i = 0; i < days.size(); i++) {
            firstIndexOfDay[i] = index;
            index += days.get(i).readings();
        }
        total = index;
        cachedDays.clear();
        setItems(
                DataProvider.fromCallbacks(
                        query -> page(query.getOffset(), query.getLimit()), query -> (int) total));
        return total > 0;
    }

    /** How many readings the grid holds. */
    public long total() {
        return total;
    }

    /** Rows [offset, offset + limit) across day partitions. */
    Stream<ReadingRow> page(long offset, int limit) {
        List<ReadingRow> page = new ArrayList<>(limit);
        int day = dayOf(offset);
        long skip = offset - (day < 0 ? 0 : firstIndexOfDay[day]);
        while (day >= 0 && day < days.size() && page.size() < limit) {
            List<ReadingRow> rows = dayRows(days.get(day).day());
            for (int i = (int) skip; i < rows.size() && page.size() < limit; i++) {
                page.add(rows.get(i));
            }
            skip = 0;
            day++;
        }
        return page.stream();
    }

    private int dayOf(long index) {
        int found = Arrays.binarySearch(firstIndexOfDay, index);
        // not a first index: the day before the insertion point holds it
        return found >= 0 ? found : -found - 2;
    }

    private List<ReadingRow> dayRows(LocalDate day) {
        return cachedDays.computeIfAbsent(day, store::preprocessedDay);
    }

    /** The columns with a distribution: those the batch job histograms. */
    static List<HomeCColumn> distributionColumns() {
        return HomeCColumn.numeric().stream()
                .filter(c -> c != HomeCColumn.TIME && c != HomeCColumn.CLOUD_COVER)
                .toList();
    }

    /** "Use (kW)", "Temperature (°C)": a column's name with its stored unit. */
    static String columnLabel(HomeCColumn column) {
        String unit =
                switch (column.kind()) {
                    case POWER, APPLIANCE -> "kW";
                    case FAHRENHEIT -> "°C";
                    default ->
                            switch (column) {
                                case PRESSURE -> "hPa";
                                case VISIBILITY -> "mi";
                                case WIND_SPEED -> "mph";
                                case WIND_BEARING -> "°";
                                case PRECIP_INTENSITY -> "in/h";
                                default -> "0–1";
                            };
                };
        String name = column.storageName().replaceAll("_kw$", "").replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (" + unit + ")";
    }
}
