package io.iothome.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.iothome.dashboard.chart.ChartOptions;
import io.iothome.dashboard.chart.ChartOptions.Series;
import io.iothome.dashboard.store.ModelRun;
import io.iothome.dashboard.store.Prediction;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.dashboard.store.StoreUnavailableException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ML job's results: model against baseline for both setups, and for one setup the test hours'
 * actual and predicted values and the residuals.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · iothome")
public class ModelsView extends VerticalLayout implements Refreshable {

    /** The ML job's targets: stored name and how it reads. */
    enum Target {
        TEMPERATURE("temperature", "Temperature", "°C"),
        USE_KW("use_kw", "House use", "kW");

        final String stored;
        final String label;
        final String unit;

        Target(String stored, String label, String unit) {
            this.stored = stored;
            this.label = label;
            this.unit = unit;
        }

        @Override
        public String toString() {
            return label + " (" + unit + ")";
        }
    }

    static final String RUN_ML = "run the batch job, then the ML job (./ml-job/run.sh)";

    private final ResultStore store;
    private final ZoneId zone;
    private final Select<Target> target = new Select<>();
    private final Select<String> setup = new Select<>();
    private final StatusMessage status = new StatusMessage();
    private final Grid<ModelRun> metrics = new Grid<>();
    private final ChartPanel predictions = new ChartPanel("predictions");
    private final ChartPanel residuals = new ChartPanel("residuals");
    private final List<HeaderGroup> groups = new ArrayList<>();
    private List<ModelRun> runs = List.of();

    public ModelsView(ResultStore store) {
        this.store = store;
        this.zone = store.settings().timeZone();
        target.setId("target");
        target.setLabel("Target");
        target.setItems(Target.values());
        target.setValue(Target.TEMPERATURE);
        setup.setId("setup");
        setup.setLabel("Setup of the charts");

        metrics.setId("metrics");
        metrics.setAllRowsVisible(true);
        metrics.addColumn(ModelRun::setup).setHeader("Setup").setKey("setup");
        metrics.addColumn(r -> r.trainCount() + " / " + r.testCount())
                .setHeader("Hours train / test")
                .setAutoWidth(true)
                .setKey("hours");
        fit(ModelRun::model, "Model", "model");
        metrics.addColumn(ModelRun::baseline)
                .setHeader("Baseline")
                .setKey("baseline")
                .setAutoWidth(true);
        fit(ModelRun::baselineFit, "Baseline", "baseline");
        HeaderRow top = metrics.prependHeaderRow();
        for (HeaderGroup group : groups) {
            top.join(group.columns().toArray(Grid.Column[]::new)).setText(group.title());
        }

        add(
                new H2("Models"),
                new HorizontalLayout(target, setup),
                status,
                metrics,
                predictions,
                residuals);
        target.addValueChangeListener(change -> refresh());
        setup.addValueChangeListener(change -> showPredictions());
        refresh();
    }

    /** Five columns of one fit under a joined header ("Model", "Baseline"). */
    private void fit(Function<ModelRun, ModelRun.Fit> of, String who, String key) {
        List<Grid.Column<ModelRun>> columns =
                List.of(
                        number(r -> of.apply(r).testRmse(), "test RMSE", key + "-test-rmse"),
                        number(r -> of.apply(r).testMae(), "test MAE", key + "-test-mae"),
                        number(r -> of.apply(r).testR2(), "test R²", key + "-test-r2"),
                        number(r -> of.apply(r).trainRmse(), "train RMSE", key + "-train-rmse"),
                        number(r -> of.apply(r).trainR2(), "train R²", key + "-train-r2"));
        groups.add(new HeaderGroup(who, columns));
    }

    private Grid.Column<ModelRun> number(
            Function<ModelRun, Double> value, String header, String key) {
        return metrics.addColumn(r -> Format.number(value.apply(r)))
                .setHeader(header)
                .setKey(key)
                .setAutoWidth(true);
    }

    private record HeaderGroup(String title, List<Grid.Column<ModelRun>> columns) {}

    @Override
    public void refresh() {
        status.clear();
        try {
            runs = store.latestModelRuns(target.getValue().stored);
        } catch (StoreUnavailableException e) {
            runs = List.of();
            status.failed(e.getMessage());
        }
        metrics.setItems(runs);
        metrics.setVisible(!runs.isEmpty());
        List<String> setups = runs.stream().map(ModelRun::setup).toList();
        setup.setItems(setups);
        setup.setVisible(!runs.isEmpty());
        if (runs.isEmpty()) {
            predictions.setVisible(false);
            residuals.setVisible(false);
            if (!status.isVisible()) {
                status.noData(RUN_ML);
            }
            return;
        }
        setup.setValue(setups.contains("forecast") ? "forecast" : setups.get(0));
    }

    private void showPredictions() {
        ModelRun run =
                runs.stream()
                        .filter(r -> r.setup().equals(setup.getValue()))
                        .findFirst()
                        .orElse(null);
        if (run == null) {
            return;
        }
        List<Prediction> hours;
        try {
            hours = store.predictions(run);
        } catch (StoreUnavailableException e) {
            status.failed(e.getMessage());
            return;
        }
        Target chosen = target.getValue();
        String axis = chosen.label + " (" + chosen.unit + ")";
        List<String> times = hours.stream().map(p -> Format.minute(p.hourStart(), zone)).toList();
        List<Double> actual = hours.stream().map(Prediction::actual).toList();
        List<Double> predicted = hours.stream().map(Prediction::predicted).toList();
        List<Double> baseline = hours.stream().map(Prediction::baseline).toList();
        List<Double> residual = hours.stream().map(Prediction::residual).toList();

        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            rows.add(
                    List.of(
                            times.get(i),
                            Format.number(actual.get(i)),
                            Format.number(predicted.get(i)),
                            Format.number(baseline.get(i)),
                            Format.number(residual.get(i))));
        }
        TableData table =
                new TableData(
                        List.of(
                                "Hour (" + zone.getId() + ")",
                                "Actual",
                                "Predicted",
                                run.baseline(),
                                "Residual"),
                        rows);
        predictions.show(
                ChartOptions.lines(
                        chosen.label
                                + ", "
                                + run.setup()
                                + " model: actual and predicted, test hours",
                        "Hour (" + zone.getId() + ")",
                        times,
                        axis,
                        List.of(
                                new Series("actual", actual),
                                new Series("predicted", predicted),
                                new Series(run.baseline() + " baseline", baseline))),
                table);
        residuals.show(
                ChartOptions.bars(
                        chosen.label
                                + ", "
                                + run.setup()
                                + " model: residuals (actual − predicted)",
                        "Hour (" + zone.getId() + ")",
                        times,
                        "Residual (" + chosen.unit + ")",
                        residual),
                table);
    }

    Select<Target> target() {
        return target;
    }

    Select<String> setup() {
        return setup;
    }

    Grid<ModelRun> metrics() {
        return metrics;
    }

    ChartPanel predictions() {
        return predictions;
    }

    ChartPanel residuals() {
        return residuals;
    }

    StatusMessage status() {
        return status;
    }
}
