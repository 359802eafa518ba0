package io.iothome.dashboard.store;

import java.util.Map;

/**
 * One row of an aggregate table: its period (null for the whole period), how many readings it
 * summarises and its stored values by column.
 */
public record AggregateRow(Integer period, long count, Map<String, Double> values) {

    /** A statistic of an attribute in display units, or null when absent. */
    public Double value(Attribute attribute, Statistic statistic) {
        String column = attribute.column(statistic);
        return column == null ? null : attribute.display(values.get(column));
    }
}
