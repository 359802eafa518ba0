package io.iothome.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CleaningTest {

    @Test
    void freezingAndBoilingPointsConvert() {
        assertThat(Cleaning.fahrenheitToCelsius(32)).isEqualTo(0.0);
        assertThat(Cleaning.fahrenheitToCelsius(212)).isEqualTo(100.0);
        assertThat(Cleaning.fahrenheitToCelsius(-40)).isEqualTo(-40.0);
    }

    @Test
    void aMinuteAtSixtyKilowattsIsOneKilowattHour() {
        assertThat(Cleaning.minuteEnergyKwh(60)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void columnsKeepTheirFileOrderAndSnakeCaseNames() {
        assertThat(HomeCColumn.COUNT).isEqualTo(32);
        assertThat(HomeCColumn.numeric()).hasSize(29);
        assertThat(HomeCColumn.appliances()).hasSize(14);
        assertThat(HomeCColumn.PRECIP_PROBABILITY.storageName()).isEqualTo("precip_probability");
        assertThat(HomeCColumn.headerLine()).startsWith("time,use [kW],gen [kW]");
    }
}
