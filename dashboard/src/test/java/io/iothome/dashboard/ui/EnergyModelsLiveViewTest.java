package io.iothome.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.cql.Row;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.iothome.dashboard.FilledStore;
import io.iothome.dashboard.store.ModelRun;
import io.iothome.stack.testing.LocalStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Energy, Models and Live views without a browser, on the jobs' real output. */
@ExtendWith(LocalStackExtension.class)
class EnergyModelsLiveViewTest {

    private final FilledStore data = FilledStore.get();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void energyShowsUseAgainstSolarAndEveryApplianceRankedByKwh() {
        EnergyView view = new EnergyView(data.store());
        UI.getCurrent().add(view);

        Row january = one("SELECT use_kwh, gen_kwh FROM %s.kw_use_month WHERE house_id = ?");
        assertThat(view.useVsSolar().data().rows())
                .containsExactly(
                        List.of(
                                "Jan",
                                Format.number(january.getDouble("use_kwh")),
                                Format.number(january.getDouble("gen_kwh"))));

        List<Row> appliances =
                rows("SELECT appliance, kwh FROM %s.appliance_kwh_month WHERE house_id = ?");
        List<List<String>> shown = view.appliances().data().rows();
        assertThat(shown).hasSize(appliances.size()).hasSize(14);
        List<Double> kwh = shown.stream().map(r -> Double.parseDouble(r.get(1))).toList();
        assertThat(kwh).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        Row fridge =
                appliances.stream()
                        .filter(r -> r.getString("appliance").equals("fridge"))
                        .findFirst()
                        .orElseThrow();
        assertThat(shown).contains(List.of("Fridge", Format.number(fridge.getDouble("kwh"))));
    }

    @Test
    void modelsShowsBothSetupsAgainstTheirBaselinesAndTheTestHours() {
        ModelsView view = new ModelsView(data.store());
        UI.getCurrent().add(view);

        List<ModelRun> runs = view.metrics().getGenericDataView().getItems().toList();
        assertThat(runs)
                .extracting(ModelRun::setup)
                .containsExactlyInAnyOrder("original", "forecast");
        Row stored =
                one(
                        "SELECT * FROM %s.model_metrics WHERE house_id = ? AND target ="
                                + " 'temperature' AND setup = 'forecast' LIMIT 1");
        ModelRun forecast =
                runs.stream().filter(r -> r.setup().equals("forecast")).findFirst().orElseThrow();
        assertThat(forecast.model().testRmse())
                .isCloseTo(stored.getDouble("test_rmse"), within(1e-12));
        assertThat(forecast.baselineFit().testR2())
                .isCloseTo(stored.getDouble("baseline_test_r2"), within(1e-12));

        assertThat(view.setup().getValue()).isEqualTo("forecast");
        assertThat(view.predictions().data().rows()).hasSize(forecast.testCount());
        assertThat(view.predictions().chart().title())
                .isEqualTo("Temperature, forecast model: actual and predicted, test hours");
        assertThat(view.residuals().chart().option().at("/yAxis/name").asText())
                .isEqualTo("Residual (°C)");

        view.target().setValue(ModelsView.Target.USE_KW);
        assertThat(view.predictions().chart().option().at("/yAxis/name").asText())
                .isEqualTo("House use (kW)");
    }

    @Test
    void liveShowsTheNewestReadingsAndHowFarTheyLagTheClock() {
        LiveView view = new LiveView(data.store());
        UI.getCurrent().add(view);

        Instant newest =
                data.cassandra()
                        .execute(
                                "SELECT max(event_time) AS newest FROM "
                                        + data.keyspaces().streaming()
                                        + ".raw_row_dataset")
                        .one()
                        .getInstant("newest");
        assertThat(view.newest().getText())
                .startsWith("Newest reading: " + Format.minute(newest, FilledStore.ZONE))
                .endsWith(" days behind now.");
        assertThat(view.latest().getGenericDataView().getItems().count())
                .isEqualTo(LiveView.GRID_READINGS);
        assertThat(view.chart().data().rows()).hasSize(LiveView.CHART_READINGS);
        assertThat(view.chart().data().rows().get(LiveView.CHART_READINGS - 1).get(0))
                .isEqualTo(Format.minute(newest, FilledStore.ZONE));
    }

    @Test
    void lagReadsInTheUnitThatFits() {
        assertThat(LiveView.describe(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(LiveView.describe(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(LiveView.describe(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(LiveView.describe(Duration.ofDays(3650))).isEqualTo("3,650 days");
    }

    private Row one(String cql) {
        return rows(cql).get(0);
    }

    private List<Row> rows(String cql) {
        return data.cassandra()
                .execute(String.format(cql, data.keyspaces().batch()), FilledStore.HOUSE)
                .all();
    }
}
