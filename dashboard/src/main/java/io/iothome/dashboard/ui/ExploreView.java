package io.iothome.dashboard.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.iothome.dashboard.chart.ChartOptions;
import io.iothome.dashboard.chart.ChartOptions.Series;
import io.iothome.dashboard.store.AggregateRow;
import io.iothome.dashboard.store.Attribute;
import io.iothome.dashboard.store.DatasetKind;
import io.iothome.dashboard.store.Granularity;
import io.iothome.dashboard.store.HistogramBin;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.dashboard.store.Statistic;
import io.iothome.dashboard.store.StoreUnavailableException;
import io.iothome.model.HomeCColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The original page: pick a dataset (all readings, energy or weather) and, for the aggregates, a
 * granularity and an attribute; see a distribution, bars, a range band or a table.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Explore · iothome")
public class ExploreView extends VerticalLayout implements Refreshable {

    static final String RUN_BATCH = "run the batch job (./batch-job/run.sh)";

    private final ResultStore store;
    private final Select<DatasetKind> dataset = new Select<>();
    private final Select<Granularity> granularity = new Select<>();
    private final Select<Attribute> attribute = new Select<>();
    private final Select<HomeCColumn> column = new Select<>();
    private final StatusMessage status = new StatusMessage();
    private final ChartPanel chartPanel = new ChartPanel("explore");
    private final ChartPanel energyPanel = new ChartPanel("explore-energy");
    private final Div wholePeriod = new Div();
    private final ReadingGrid readings;

    public ExploreView(ResultStore store) {
        this.store = store;
        this.readings = new ReadingGrid(store);
        setSizeFull();
        add(new H2("Explore"));

        dataset.setId("dataset");
        dataset.setLabel("Dataset");
        dataset.setItems(DatasetKind.values());
        granularity.setId("granularity");
        granularity.setLabel("Granularity");
        granularity.setItems(Granularity.values());
        attribute.setId("attribute");
        attribute.setLabel("Attribute");
        column.setId("column");
        column.setLabel("Distribution of");
        column.setItems(ReadingGrid.distributionColumns());
        column.setItemLabelGenerator(ReadingGrid::columnLabel);
        add(new HorizontalLayout(dataset, granularity, attribute, column));

        wholePeriod.setId("whole-period");
        wholePeriod.setWidthFull();
        add(status, readings, chartPanel, energyPanel, wholePeriod);

        dataset.setValue(DatasetKind.ALL);
        granularity.setValue(Granularity.MONTH);
        column.setValue(HomeCColumn.USE_KW);
        dataset.addValueChangeListener(change -> onDatasetChanged());
        granularity.addValueChangeListener(change -> refresh());
        attribute.addValueChangeListener(change -> refresh());
        column.addValueChangeListener(change -> refresh());
        onDatasetChanged();
    }

    private void onDatasetChanged() {
        DatasetKind kind = dataset.getValue();
        if (kind != DatasetKind.ALL) {
            List<Attribute> attributes = Attribute.of(kind);
            attribute.setItems(attributes);
            attribute.setValue(attributes.get(0));
        }
        refresh();
    }

    @Override
    public void refresh() {
        DatasetKind kind = dataset.getValue();
        boolean all = kind == DatasetKind.ALL;
        if (!all && attribute.getValue() == null) {
            // the attribute list is being swapped; its new value triggers the refresh
            return;
        }
        granularity.setVisible(!all);
        attribute.setVisible(!all);
        column.setVisible(all);
        status.clear();
        readings.setVisible(false);
        chartPanel.setVisible(false);
        energyPanel.setVisible(false);
        wholePeriod.setVisible(false);
        try {
            if (all) {
                showReadings();
            } else if (granularity.getValue() == Granularity.WHOLE_PERIOD) {
                showWholePeriod(kind);
            } else {
                showAggregates(kind, granularity.getValue(), attribute.getValue());
            }
        } catch (StoreUnavailableException e) {
            status.failed(e.getMessage());
        }
    }

    /** The readings grid and the chosen column's distribution. */
    private void showReadings() {
        if (!readings.load()) {
            status.noData(RUN_BATCH);
            return;
        }
        readings.setVisible(true);
        HomeCColumn chosen = column.getValue();
        List<HistogramBin> bins = store.histogram(chosen.storageName());
        if (bins.isEmpty()) {
            return;
        }
        List<String> ranges = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (HistogramBin bin : bins) {
            String range = Format.number(bin.low()) + "–" + Format.number(bin.high());
            ranges.add(range);
            counts.add((double) bin.count());
            rows.add(List.of(range, Long.toString(bin.count())));
        }
        String name = ReadingGrid.columnLabel(chosen);
        ObjectNode option =
                ChartOptions.bars(
                        "Distribution of " + name, name, ranges, "Readings (count)", counts);
        chartPanel.show(option, new TableData(List.of(name, "Readings"), rows));
    }

    /** The whole period's figures of every attribute, as a table. */
    private void showWholePeriod(DatasetKind kind) {
        List<AggregateRow> rows = store.aggregates(kind, Granularity.WHOLE_PERIOD);
        if (rows.isEmpty()) {
            status.noData(RUN_BATCH);
            return;
        }
        AggregateRow row = rows.get(0);
        Grid<Attribute> table = new Grid<>();
        table.setId("whole-period-table");
        table.setAllRowsVisible(true);
        table.addColumn(Attribute::label).setHeader("Attribute").setKey("attribute");
        table.addColumn(Attribute::unit).setHeader("Unit").setKey("unit");
        for (Statistic statistic : statisticsOf(kind)) {
            table.addColumn(a -> Format.number(row.value(a, statistic)))
                    .setHeader(statistic.label())
                    .setKey(statistic.name().toLowerCase());
        }
        table.addColumn(a -> Format.count(row.count())).setHeader("Readings").setKey("count");
        table.setItems(Attribute.of(kind));
        wholePeriod.removeAll();
        wholePeriod.add(table);
        wholePeriod.setVisible(true);
    }

    /** Bars for month and day of week, a band for day of year; energy adds a kWh chart. */
    private void showAggregates(DatasetKind kind, Granularity by, Attribute chosen) {
        List<AggregateRow> rows = store.aggregates(kind, by);
        if (rows.isEmpty()) {
            status.noData(RUN_BATCH);
            return;
        }
        List<String> periods = rows.stream().map(r -> by.periodName(r.period())).toList();
        List<Double> avg = values(rows, chosen, Statistic.AVG);
        List<Double> min = values(rows, chosen, Statistic.MIN);
        List<Double> max = values(rows, chosen, Statistic.MAX);
        String title = chosen.label() + " per " + by.label().toLowerCase() + ": avg, min, max";
        ObjectNode option =
                by == Granularity.DAY_OF_YEAR
                        ? ChartOptions.bandLine(
                                title, by.label(), periods, chosen.axisName(), avg, min, max)
                        : ChartOptions.groupedBars(
                                title,
                                by.label(),
                                periods,
                                chosen.axisName(),
                                List.of(
                                        new Series("avg", avg),
                                        new Series("min", min),
                                        new Series("max", max)));

        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            table.add(
                    List.of(
                            periods.get(i),
                            Long.toString(rows.get(i).count()),
                            Format.number(avg.get(i)),
                            Format.number(min.get(i)),
                            Format.number(max.get(i))));
        }
        chartPanel.show(
                option, new TableData(List.of(by.label(), "Readings", "avg", "min", "max"), table));

        if (kind == DatasetKind.ENERGY) {
            List<Double> kwh = values(rows, chosen, Statistic.ENERGY);
            List<List<String>> energyTable = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                energyTable.add(List.of(periods.get(i), Format.number(kwh.get(i))));
            }
            energyPanel.show(
                    ChartOptions.bars(
                            chosen.label() + " per " + by.label().toLowerCase() + ": energy",
                            by.label(),
                            periods,
                            "Energy (kWh)",
                            kwh),
                    new TableData(List.of(by.label(), "kWh"), energyTable));
        }
    }

    private static List<Double> values(List<AggregateRow> rows, Attribute a, Statistic s) {
        return rows.stream().map(r -> r.value(a, s)).toList();
    }

    private static List<Statistic> statisticsOf(DatasetKind kind) {
        return kind == DatasetKind.ENERGY
                ? List.of(Statistic.values())
                : List.of(Statistic.AVG, Statistic.MIN, Statistic.MAX);
    }

    // for the view tests
    Select<DatasetKind> dataset() {
        return dataset;
    }

    Select<Granularity> granularity() {
        return granularity;
    }

    Select<Attribute> attribute() {
        return attribute;
    }

    Select<HomeCColumn> column() {
        return column;
    }

    /** The whole period's table, when shown. */
    Component wholePeriodTable() {
        return wholePeriod.getChildren().findFirst().orElse(null);
    }

    ChartPanel chartPanel() {
        return chartPanel;
    }

    ChartPanel energyPanel() {
        return energyPanel;
    }

    StatusMessage status() {
        return status;
    }

    ReadingGrid readings() {
        return readings;
    }
}
