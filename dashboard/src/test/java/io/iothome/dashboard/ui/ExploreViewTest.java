package io.iothome.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.iothome.dashboard.FilledStore;
import io.iothome.dashboard.store.Attribute;
import io.iothome.dashboard.store.DatasetKind;
import io.iothome.dashboard.store.Granularity;
import io.iothome.dashboard.store.ReadingRow;
import io.iothome.model.HomeCColumn;
import io.iothome.stack.testing.LocalStackExtension;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Explore view without a browser (Karibu-Testing), on the batch job's real output. */
@ExtendWith(LocalStackExtension.class)
class ExploreViewTest {

    private final FilledStore data = FilledStore.get();
    private ExploreView view;

    @BeforeEach
    void openView() {
        MockVaadin.setup();
        view = new ExploreView(data.store());
        UI.getCurrent().add(view);
    }

    @AfterEach
    void closeView() {
        MockVaadin.tearDown();
    }

    @Test
    void allShowsEveryPreprocessedReadingOldestFirstAcrossDayPartitions() {
        List<Row> stored =
                data.cassandra()
                        .execute(
                                "SELECT event_time, use_kw FROM "
                                        + data.keyspaces().batch()
                                        + ".preprocessed_row_dataset")
                        .all();

        assertThat(view.readings().isVisible()).isTrue();
        assertThat(view.readings().total()).isEqualTo(stored.size()).isEqualTo(2838);
        List<ReadingRow> shown = view.readings().page(0, stored.size()).toList();
        assertThat(shown).extracting(ReadingRow::eventTime).isSorted();
        assertThat(shown)
                .extracting(ReadingRow::eventTime)
                .containsExactlyInAnyOrderElementsOf(
                        stored.stream().map(r -> r.getInstant("event_time")).toList());

        // a page that starts inside one UTC day and ends in the next equals the same slice
        List<ReadingRow> straddling = view.readings().page(1100, 300).toList();
        assertThat(straddling).isEqualTo(shown.subList(1100, 1400));
    }

    @Test
    void allShowsTheChosenColumnsDistributionCountingEveryReading() {
        view.dataset().setValue(DatasetKind.ALL);
        ChartPanel panel = view.chartPanel();

        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.chart().title()).isEqualTo("Distribution of Use (kW)");
        long counted =
                panel.data().rows().stream().mapToLong(row -> Long.parseLong(row.get(1))).sum();
        assertThat(counted).isEqualTo(2838);
    }

    @Test
    void weatherByMonthDrawsAvgMinMaxBarsNamedByMonthMatchingTheTable() {
        view.dataset().setValue(DatasetKind.WEATHER);
        view.granularity().setValue(Granularity.MONTH);
        view.attribute().setValue(Attribute.TEMPERATURE);

        JsonNode option = view.chartPanel().chart().option();
        assertThat(option.at("/title/text").asText())
                .isEqualTo("Temperature per month: avg, min, max");
        assertThat(option.at("/yAxis/name").asText()).isEqualTo("Temperature (°C)");
        assertThat(option.at("/xAxis/data/0").asText()).isEqualTo("Jan");
        assertThat(names(option.get("series"))).containsExactly("avg", "min", "max");

        Row stored = weatherRow("weather_month", "month", 1);
        assertThat(option.at("/series/0/data/0").asDouble())
                .isCloseTo(stored.getDouble("avgtemp"), within(1e-9));
        assertThat(option.at("/series/1/data/0").asDouble())
                .isCloseTo(stored.getDouble("mintemp"), within(1e-9));
        assertThat(option.at("/series/2/data/0").asDouble())
                .isCloseTo(stored.getDouble("maxtemp"), within(1e-9));
        assertThat(view.chartPanel().data().rows().get(0))
                .containsExactly(
                        "Jan",
                        String.valueOf(stored.getLong("count")),
                        Format.number(stored.getDouble("avgtemp")),
                        Format.number(stored.getDouble("mintemp")),
                        Format.number(stored.getDouble("maxtemp")));
    }

    @Test
    void humidityIsShownInPercent() {
        view.dataset().setValue(DatasetKind.WEATHER);
        view.granularity().setValue(Granularity.DAY_OF_WEEK);
        view.attribute().setValue(Attribute.HUMIDITY);

        JsonNode option = view.chartPanel().chart().option();
        Row stored = weatherRow("weather_day_of_week", "day_of_week", 6);
        assertThat(option.at("/yAxis/name").asText()).isEqualTo("Humidity (%)");
        // 1 Jan 2016 was a Friday: Spark's day 6
        assertThat(option.at("/xAxis/data/0").asText()).isEqualTo("Fri");
        assertThat(option.at("/series/0/data/0").asDouble())
                .isCloseTo(stored.getDouble("avghum") * 100, within(1e-9));
    }

    @Test
    void energyByDayOfYearDrawsTheAverageWithTheRangeAsABandAndAnEnergyChart() {
        view.dataset().setValue(DatasetKind.ENERGY);
        view.granularity().setValue(Granularity.DAY_OF_YEAR);
        view.attribute().setValue(Attribute.USE);

        JsonNode option = view.chartPanel().chart().option();
        assertThat(names(option.get("series"))).containsExactly("min", "min–max range", "average");
        Row day1 =
                data.cassandra()
                        .execute(
                                "SELECT * FROM "
                                        + data.keyspaces().batch()
                                        + ".kw_use_day WHERE house_id = ? AND day_of_year = 1",
                                FilledStore.HOUSE)
                        .one();
        assertThat(option.at("/series/0/data/0").asDouble())
                .isCloseTo(day1.getDouble("use_kw_min"), within(1e-9));
        assertThat(option.at("/series/1/data/0").asDouble())
                .isCloseTo(
                        day1.getDouble("use_kw_max") - day1.getDouble("use_kw_min"), within(1e-9));
        assertThat(option.at("/series/2/data/0").asDouble())
                .isCloseTo(day1.getDouble("use_kw_avg"), within(1e-9));

        ChartPanel energy = view.energyPanel();
        assertThat(energy.isVisible()).isTrue();
        assertThat(energy.chart().option().at("/yAxis/name").asText()).isEqualTo("Energy (kWh)");
        assertThat(energy.chart().option().at("/series/0/data/0").asDouble())
                .isCloseTo(day1.getDouble("use_kwh"), within(1e-9));
    }

    @Test
    void wholePeriodIsATableOfEveryAttribute() {
        view.dataset().setValue(DatasetKind.WEATHER);
        view.granularity().setValue(Granularity.WHOLE_PERIOD);

        assertThat(view.chartPanel().isVisible()).isFalse();
        Grid<?> table = (Grid<?>) view.wholePeriodTable();
        assertThat(table.getGenericDataView().getItems().count()).isEqualTo(9);
        assertThat(table.getColumns())
                .extracting(Grid.Column::getKey)
                .containsExactly("attribute", "unit", "avg", "min", "max", "count");
    }

    @Test
    void switchingFromWeatherToEnergyPicksHouseUseAndRedraws() {
        view.dataset().setValue(DatasetKind.WEATHER);
        view.granularity().setValue(Granularity.MONTH);

        view.dataset().setValue(DatasetKind.ENERGY);

        assertThat(view.attribute().getValue()).isEqualTo(Attribute.USE);
        assertThat(view.chartPanel().chart().title())
                .isEqualTo("House use per month: avg, min, max");
    }

    @Test
    void switchingBackToAllHidesTheAggregateControls() {
        view.dataset().setValue(DatasetKind.ENERGY);
        assertThat(view.granularity().isVisible()).isTrue();

        view.dataset().setValue(DatasetKind.ALL);
        assertThat(view.granularity().isVisible()).isFalse();
        assertThat(view.attribute().isVisible()).isFalse();
        view.column().setValue(HomeCColumn.TEMPERATURE);
        assertThat(view.chartPanel().chart().title()).isEqualTo("Distribution of Temperature (°C)");
    }

    private Row weatherRow(String table, String key, int period) {
        return data.cassandra()
                .execute(
                        "SELECT * FROM "
                                + data.keyspaces().batch()
                                + "."
                                + table
                                + " WHERE house_id = ? AND "
                                + key
                                + " = ?",
                        FilledStore.HOUSE,
                        period)
                .one();
    }

    private static List<String> names(JsonNode series) {
        return StreamSupport.stream(series.spliterator(), false)
                .map(s -> s.get("name").asText())
                .toList();
    }
}
