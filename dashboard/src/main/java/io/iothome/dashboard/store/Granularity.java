package io.iothome.dashboard.store;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** The four granularities of the batch job's aggregates, each a table suffix and a key column. */
public enum Granularity {
    WHOLE_PERIOD("Whole period", "all_time", null),
    MONTH("Month", "month", "month"),
    DAY_OF_WEEK("Day of week", "day_of_week", "day_of_week"),
    DAY_OF_YEAR("Day of year", "day", "day_of_year");

    private final String label;
    private final String tableSuffix;
    private final String periodColumn;

    Granularity(String label, String tableSuffix, String periodColumn) {
        this.label = label;
        this.tableSuffix = tableSuffix;
        this.periodColumn = periodColumn;
    }

    public String label() {
        return label;
    }

    String tableSuffix() {
        return tableSuffix;
    }

    /** The column that numbers the periods, or null for the whole period. */
    String periodColumn() {
        return periodColumn;
    }

    /**
     * How a period is shown: month and weekday names (the batch job numbers days of week from 1 =
     * Sunday, as Spark's dayofweek), day numbers as they are.
     */
    public String periodName(Integer period) {
        if (period == null) {
            return label;
        }
        return switch (this) {
            case MONTH -> Month.of(period).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case DAY_OF_WEEK ->
                    DayOfWeek.SUNDAY
                            .plus(period - 1L)
                            .getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            default -> String.valueOf(period);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
