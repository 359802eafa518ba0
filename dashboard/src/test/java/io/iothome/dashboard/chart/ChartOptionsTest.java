package io.iothome.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iothome.dashboard.chart.ChartOptions.Series;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    @Test
    void valuesSpanningTwoDecadesGetALogarithmicAxis() {
        ObjectNode option =
                ChartOptions.groupedBars(
                        "t",
                        "x",
                        List.of("a", "b"),
                        "y",
                        List.of(
                                new Series("min", List.of(0.01, 0.02)),
                                new Series("max", List.of(5.0, 7.0))));

        assertThat(option.at("/yAxis/type").asText()).isEqualTo("log");
    }

    @Test
    void zeroOrNegativeValuesKeepALinearAxis() {
        assertThat(ChartOptions.logScaleFits(List.of(new Series("s", List.of(0.0, 500.0)))))
                .isFalse();
        assertThat(ChartOptions.logScaleFits(List.of(new Series("s", List.of(-1.0, 500.0)))))
                .isFalse();
        assertThat(ChartOptions.logScaleFits(List.of(new Series("s", List.of(1.0, 99.0)))))
                .isFalse();
    }

    @Test
    void theBandStacksTheRangeOnTheMinimumAndLeavesGapsWhereADayHasNoValue() {
        ObjectNode option =
                ChartOptions.bandLine(
                        "t",
                        "Day of year",
                        List.of("1", "2"),
                        "°C",
                        Arrays.asList(1.0, null),
                        Arrays.asList(-2.0, null),
                        Arrays.asList(3.0, null));

        assertThat(option.at("/series/0/data/0").asDouble()).isEqualTo(-2.0);
        assertThat(option.at("/series/1/data/0").asDouble()).isEqualTo(5.0);
        assertThat(option.at("/series/1/data/1").isNull()).isTrue();
        assertThat(option.at("/series/2/data/0").asDouble()).isEqualTo(1.0);
    }
}
