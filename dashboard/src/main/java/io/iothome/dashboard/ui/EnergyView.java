package io.iothome.dashboard.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.iothome.dashboard.chart.ChartOptions;
import io.iothome.dashboard.chart.ChartOptions.Series;
import io.iothome.dashboard.store.AggregateRow;
import io.iothome.dashboard.store.ApplianceEnergy;
import io.iothome.dashboard.store.Attribute;
import io.iothome.dashboard.store.DatasetKind;
import io.iothome.dashboard.store.Granularity;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.dashboard.store.Statistic;
import io.iothome.dashboard.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** kWh per month and per appliance circuit, and the house's use against its solar generation. */
@Route(value = "energy", layout = MainLayout.class)
@PageTitle("Energy · iothome")
public class EnergyView extends VerticalLayout implements Refreshable {

    private final ResultStore store;
    private final StatusMessage status = new StatusMessage();
    private final ChartPanel useVsSolar = new ChartPanel("use-vs-solar");
    private final ChartPanel appliances = new ChartPanel("appliances");
    private final ChartPanel applianceMonths = new ChartPanel("appliance-months");

    public EnergyView(ResultStore store) {
        this.store = store;
        add(new H2("Energy"), status, useVsSolar, appliances, applianceMonths);
        refresh();
    }

    @Override
    public void refresh() {
        status.clear();
        useVsSolar.setVisible(false);
        appliances.setVisible(false);
        applianceMonths.setVisible(false);
        try {
            List<AggregateRow> months = store.aggregates(DatasetKind.ENERGY, Granularity.MONTH);
            List<ApplianceEnergy> perAppliance = store.applianceEnergy();
            if (months.isEmpty() && perAppliance.isEmpty()) {
                status.noData(ExploreView.RUN_BATCH);
                return;
            }
            showUseVsSolar(months);
            showAppliances(perAppliance);
        } catch (StoreUnavailableException e) {
            status.failed(e.getMessage());
        }
    }

    private void showUseVsSolar(List<AggregateRow> months) {
        List<String> names =
                months.stream().map(m -> Granularity.MONTH.periodName(m.period())).toList();
        List<Double> use =
                months.stream().map(m -> m.value(Attribute.USE, Statistic.ENERGY)).toList();
        List<Double> solar =
                months.stream().map(m -> m.value(Attribute.GEN, Statistic.ENERGY)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            rows.add(List.of(names.get(i), Format.number(use.get(i)), Format.number(solar.get(i))));
        }
        useVsSolar.show(
                ChartOptions.groupedBars(
                        "House use against solar generation per month",
                        "Month",
                        names,
                        "Energy (kWh)",
                        List.of(new Series("use", use), new Series("solar generation", solar))),
                new TableData(List.of("Month", "Use (kWh)", "Solar (kWh)"), rows));
    }

    private void showAppliances(List<ApplianceEnergy> perAppliance) {
        if (perAppliance.isEmpty()) {
            return;
        }
        // whole period per appliance, largest first
        Map<String, Double> totals =
                perAppliance.stream()
                        .collect(
                                Collectors.groupingBy(
                                        ApplianceEnergy::appliance,
                                        TreeMap::new,
                                        Collectors.summingDouble(ApplianceEnergy::kwh)));
        List<Map.Entry<String, Double>> ranked =
                totals.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .toList();
        List<String> names = ranked.stream().map(e -> label(e.getKey())).toList();
        List<Double> kwh = ranked.stream().map(Map.Entry::getValue).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            rows.add(List.of(names.get(i), Format.number(kwh.get(i))));
        }
        appliances.show(
                ChartOptions.bars(
                        "Energy per appliance circuit, whole period",
                        "Appliance",
                        names,
                        "Energy (kWh)",
                        kwh),
                new TableData(List.of("Appliance", "kWh"), rows));

        // per month, one series per appliance in the same order
        List<Integer> months =
                perAppliance.stream().map(ApplianceEnergy::month).distinct().sorted().toList();
        List<String> monthNames = months.stream().map(Granularity.MONTH::periodName).toList();
        List<Series> series = new ArrayList<>();
        List<List<String>> monthRows = new ArrayList<>();
        for (Map.Entry<String, Double> appliance : ranked) {
            List<Double> values = new ArrayList<>();
            for (int month : months) {
                Double value =
                        perAppliance.stream()
                                .filter(
                                        a ->
                                                a.month() == month
                                                        && a.appliance().equals(appliance.getKey()))
                                .map(ApplianceEnergy::kwh)
                                .findFirst()
                                .orElse(null);
                values.add(value);
                monthRows.add(
                        List.of(
                                Granularity.MONTH.periodName(month),
                                label(appliance.getKey()),
                                Format.number(value)));
            }
            series.add(new Series(label(appliance.getKey()), values));
        }
        applianceMonths.show(
                ChartOptions.stackedBars(
                        "Energy per appliance circuit per month",
                        "Month",
                        monthNames,
                        "Energy (kWh)",
                        series),
                new TableData(List.of("Month", "Appliance", "kWh"), monthRows));
    }

    /** "wine_cellar" → "Wine cellar". */
    static String label(String appliance) {
        String words = appliance.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    ChartPanel useVsSolar() {
        return useVsSolar;
    }

    ChartPanel appliances() {
        return appliances;
    }

    StatusMessage status() {
        return status;
    }
}
