package io.iothome.dashboard.store;

/** One fixed-width bin of a column's value histogram. */
public record HistogramBin(int bin, double low, double high, long count) {}
