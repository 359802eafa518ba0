package io.iothome.ml;

import io.iothome.spark.HourlyFeatureTable;
import java.util.List;

/** What a model predicts: a column of the hourly feature table. */
public enum Target {
    TEMPERATURE("temperature", "°C"),
    USE_KW("use_kw", "kW");

    final String column;
    final String unit;

    Target(String column, String unit) {
        this.column = column;
        this.unit = unit;
    }

    /** The hourly table's measured columns (each an hourly mean). */
    static final List<String> MEASURED = HourlyFeatureTable.MEASURED;
}
