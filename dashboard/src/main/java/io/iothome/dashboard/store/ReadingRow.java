package io.iothome.dashboard.store;

import java.time.Instant;

/** The columns of a reading the grids show (°C, kW, humidity 0–1, hPa, mph, miles). */
public record ReadingRow(
        Instant eventTime,
        Double useKw,
        Double genKw,
        Double temperature,
        Double apparentTemperature,
        Double humidity,
        Double pressure,
        Double windSpeed,
        Double visibility,
        String summary) {}
