package io.iothome.dashboard.store;

import java.util.Arrays;
import java.util.List;

/**
 * An attribute of the aggregate tables, with its columns and its display unit. Energy columns are
 * {@code <name>_avg/_min/_max} plus the energy in {@code <name>h}; weather columns are {@code
 * avg<name>/min<name>/max<name>}. Humidity is stored as 0–1 and shown in %.
 */
public enum Attribute {
    USE(DatasetKind.ENERGY, "use_kw", "House use", "kW", 1),
    GEN(DatasetKind.ENERGY, "gen_kw", "Solar generation", "kW", 1),
    TEMPERATURE(DatasetKind.WEATHER, "temp", "Temperature", "°C", 1),
    APPARENT_TEMPERATURE(DatasetKind.WEATHER, "apptemp", "Apparent temperature", "°C", 1),
    HUMIDITY(DatasetKind.WEATHER, "hum", "Humidity", "%", 100),
    PRESSURE(DatasetKind.WEATHER, "pressure", "Pressure", "hPa", 1),
    WIND_SPEED(DatasetKind.WEATHER, "windspeed", "Wind speed", "mph", 1),
    WIND_BEARING(DatasetKind.WEATHER, "windbearing", "Wind bearing", "°", 1),
    VISIBILITY(DatasetKind.WEATHER, "vis", "Visibility", "mi", 1),
    PRECIPITATION(DatasetKind.WEATHER, "precipint", "Precipitation intensity", "in/h", 1),
    DEW_POINT(DatasetKind.WEATHER, "dpoint", "Dew point", "°C", 1);

    private final DatasetKind dataset;
    private final String column;
    private final String label;
    private final String unit;
    private final double scale;

    Attribute(DatasetKind dataset, String column, String label, String unit, double scale) {
        this.dataset = dataset;
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.scale = scale;
    }

    public static List<Attribute> of(DatasetKind dataset) {
        return Arrays.stream(values()).filter(a -> a.dataset == dataset).toList();
    }

    public DatasetKind dataset() {
        return dataset;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** "Temperature (°C)": an axis name. */
    public String axisName() {
        return label + " (" + unit + ")";
    }

    /** The stored column of a statistic, or null when the table has none (weather totals). */
    String column(Statistic statistic) {
        if (dataset == DatasetKind.ENERGY) {
            return switch (statistic) {
                case AVG -> column + "_avg";
                case MIN -> column + "_min";
                case MAX -> column + "_max";
                case ENERGY -> column + "h";
            };
        }
        return switch (statistic) {
            case AVG -> "avg" + column;
            case MIN -> "min" + column;
            case MAX -> "max" + column;
            case ENERGY -> null;
        };
    }

    /** A stored value in display units. */
    Double display(Double stored) {
        return stored == null ? null : stored * scale;
    }

    @Override
    public String toString() {
        return label;
    }
}
