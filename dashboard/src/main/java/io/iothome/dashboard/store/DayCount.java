package io.iothome.dashboard.store;

import java.time.LocalDate;

/** How many preprocessed readings one UTC day (one partition) holds. */
public record DayCount(LocalDate day, long readings) {}
