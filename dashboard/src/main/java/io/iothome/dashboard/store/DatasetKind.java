package io.iothome.dashboard.store;

/** What the Explore view shows: the preprocessed readings, or one family of aggregates. */
public enum DatasetKind {
    ALL("All (preprocessed readings)", null),
    ENERGY("Energy", "kw_use_"),
    WEATHER("Weather", "weather_");

    private final String label;
    private final String tablePrefix;

    DatasetKind(String label, String tablePrefix) {
        this.label = label;
        this.tablePrefix = tablePrefix;
    }

    String tablePrefix() {
        return tablePrefix;
    }

    @Override
    public String toString() {
        return label;
    }
}
