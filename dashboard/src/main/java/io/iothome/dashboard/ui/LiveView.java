package io.iothome.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.iothome.dashboard.chart.ChartOptions;
import io.iothome.dashboard.chart.ChartOptions.Series;
import io.iothome.dashboard.store.ReadingRow;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.dashboard.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The speed layer's newest readings, pushed to the page every few seconds while it is open, with
 * the newest reading's time and how far it lags the clock (a replay of 2016 lags by years).
 */
@Route(value = "live", layout = MainLayout.class)
@PageTitle("Live · iothome")
public class LiveView extends VerticalLayout implements Refreshable {

    static final int CHART_READINGS = 120;
    static final int GRID_READINGS = 20;
    static final String RUN_STREAMING =
            "start the producer and the streaming job (see the README's Quick start)";

    /** One thread for every open Live page: each refresh is a couple of small reads. */
    private static final ScheduledExecutorService REFRESHER =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "live-refresh");
                        thread.setDaemon(true);
                        return thread;
                    });

    private final ResultStore store;
    private final ZoneId zone;
    private final Span newest = new Span();
    private final Span refreshed = new Span();
    private final StatusMessage status = new StatusMessage();
    private final ChartPanel chart = new ChartPanel("live");
    private final Grid<ReadingRow> latest = new Grid<>();
    private ScheduledFuture<?> schedule;

    /** What one refresh read, applied to the page in one go. */
    record Snapshot(List<ReadingRow> newestFirst, String failure, Instant readAt) {}

    public LiveView(ResultStore store) {
        this.store = store;
        this.zone = store.settings().timeZone();
        newest.setId("live-newest");
        refreshed.setId("live-refreshed");
        refreshed.getStyle().set("color", "var(--lumo-secondary-text-color)");
        latest.setId("live-readings");
        latest.setAllRowsVisible(true);
        latest.addThemeVariants(GridVariant.LUMO_COMPACT);
        latest.addColumn(r -> Format.minute(r.eventTime(), zone))
                .setHeader("Time (" + zone.getId() + ")")
                .setKey("time");
        latest.addColumn(r -> Format.number(r.useKw())).setHeader("Use (kW)").setKey("use");
        latest.addColumn(r -> Format.number(r.genKw())).setHeader("Gen (kW)").setKey("gen");
        latest.addColumn(r -> Format.number(r.temperature()))
                .setHeader("Temperature (°C)")
                .setKey("temperature");
        latest.addColumn(r -> Format.number(r.humidity()))
                .setHeader("Humidity (0–1)")
                .setKey("humidity");
        latest.addColumn(ReadingRow::summary).setHeader("Summary").setKey("summary");
        add(new H2("Live"), newest, refreshed, status, chart, latest);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        long every = store.settings().liveRefresh().toMillis();
        refresh();
        schedule =
                REFRESHER.scheduleWithFixedDelay(
                        () -> {
                            Snapshot snapshot = read();
                            ui.access(() -> show(snapshot));
                        },
                        every,
                        every,
                        TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    @Override
    public void refresh() {
        show(read());
    }

    /** The newest readings: the newest day's, topped up from the day before. */
    Snapshot read() {
        try {
            Optional<LocalDate> day = store.newestLiveDay();
            if (day.isEmpty()) {
                return new Snapshot(List.of(), null, Instant.now());
            }
            List<ReadingRow> rows =
                    new ArrayList<>(store.newestReadings(day.get(), CHART_READINGS));
            if (rows.size() < CHART_READINGS) {
                rows.addAll(
                        store.newestReadings(day.get().minusDays(1), CHART_READINGS - rows.size()));
            }
            return new Snapshot(rows, null, Instant.now());
        } catch (StoreUnavailableException e) {
            return new Snapshot(List.of(), e.getMessage(), Instant.now());
        }
    }

    void show(Snapshot snapshot) {
        refreshed.setText(
                "Refreshed at "
                        + LocalTime.ofInstant(snapshot.readAt(), zone)
                                .format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                        + ", every "
                        + store.settings().liveRefresh().toSeconds()
                        + " s while this page is open.");
        status.clear();
        if (snapshot.failure() != null) {
            status.failed(snapshot.failure());
            return;
        }
        List<ReadingRow> rows = snapshot.newestFirst();
        if (rows.isEmpty()) {
            newest.setText("");
            status.noData(RUN_STREAMING);
            chart.setVisible(false);
            latest.setVisible(false);
            return;
        }
        Instant newestTime = rows.get(0).eventTime();
        Duration lag = Duration.between(newestTime, snapshot.readAt());
        newest.setText(
                "Newest reading: "
                        + Format.minute(newestTime, zone)
                        + " ("
                        + zone.getId()
                        + "), "
                        + describe(lag)
                        + " behind now.");

        List<ReadingRow> oldestFirst = new ArrayList<>(rows);
        java.util.Collections.reverse(oldestFirst);
        List<String> times =
                oldestFirst.stream().map(r -> Format.minute(r.eventTime(), zone)).toList();
        List<List<String>> table = new ArrayList<>();
        for (ReadingRow r : oldestFirst) {
            table.add(
                    List.of(
                            Format.minute(r.eventTime(), zone),
                            Format.number(r.useKw()),
                            Format.number(r.genKw())));
        }
        chart.show(
                ChartOptions.lines(
                        "Use and solar generation, newest " + rows.size() + " readings",
                        "Time (" + zone.getId() + ")",
                        times,
                        "Power (kW)",
                        List.of(
                                new Series(
                                        "use",
                                        oldestFirst.stream().map(ReadingRow::useKw).toList()),
                                new Series(
                                        "solar generation",
                                        oldestFirst.stream().map(ReadingRow::genKw).toList()))),
                new TableData(List.of("Time", "Use (kW)", "Gen (kW)"), table));
        latest.setItems(rows.subList(0, Math.min(GRID_READINGS, rows.size())));
        latest.setVisible(true);
    }

    /** "3 min 20 s", "2 h 5 min", "3,620 days": the lag in the unit that reads best. */
    static String describe(Duration lag) {
        if (lag.isNegative()) {
            return "0 s";
        }
        if (lag.toDays() >= 2) {
            return Format.count(lag.toDays()) + " days";
        }
        if (lag.toHours() >= 1) {
            return lag.toHours() + " h " + lag.toMinutesPart() + " min";
        }
        if (lag.toMinutes() >= 1) {
            return lag.toMinutes() + " min " + lag.toSecondsPart() + " s";
        }
        return lag.toSeconds() + " s";
    }

    Span newest() {
        return newest;
    }

    ChartPanel chart() {
        return chart;
    }

    Grid<ReadingRow> latest() {
        return latest;
    }

    StatusMessage status() {
        return status;
    }
}
