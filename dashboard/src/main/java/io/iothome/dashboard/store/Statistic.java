package io.iothome.dashboard.store;

/** The statistics an aggregate row holds per attribute; energy (kWh) only for use and gen. */
public enum Statistic {
    AVG("avg"),
    MIN("min"),
    MAX("max"),
    ENERGY("energy (kWh)");

    private final String label;

    Statistic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
