package io.iothome.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberFormatTest {

    @Test
    void decimalsDropTrailingZerosLikeTheSourceFile() {
        assertThat(decimal(10.0, 2)).isEqualTo("10");
        assertThat(decimal(1016.9, 2)).isEqualTo("1016.9");
        assertThat(decimal(0.932833333, 9)).isEqualTo("0.932833333");
        assertThat(decimal(0.05, 2)).isEqualTo("0.05");
        assertThat(decimal(-4.256, 2)).isEqualTo("-4.26");
        assertThat(decimal(-0.001, 2)).isEqualTo("0");
        assertThat(decimal(0.000416667, 9)).isEqualTo("0.000416667");
    }

    @Test
    void tinyKilowattsAreWrittenInScientificNotation() {
        assertThat(kw(3.33e-5)).isEqualTo("3.33E-05");
        assertThat(kw(1.666e-5)).isEqualTo("1.67E-05");
        assertThat(kw(9.996e-6)).isEqualTo("1.00E-05");
        assertThat(kw(0.0)).isEqualTo("0");
        assertThat(kw(0.0001)).isEqualTo("0.0001");
        assertThat(Double.parseDouble(kw(4.28e-6))).isEqualTo(4.28e-6);
    }

    private static String decimal(double value, int decimals) {
        StringBuilder out = new StringBuilder();
        NumberFormat.appendDecimal(out, value, decimals);
        return out.toString();
    }

    private static String kw(double value) {
        StringBuilder out = new StringBuilder();
        NumberFormat.appendKw(out, value);
        return out.toString();
    }
}
