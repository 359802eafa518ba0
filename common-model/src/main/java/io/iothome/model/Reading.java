package io.iothome.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One clean minute of a house: its event time, the 29 numeric HomeC columns (temperatures in °C)
 * and the two text columns. Immutable. Built by {@link ReadingParser}; read by column with {@link
 * #number(HomeCColumn)} so every store can walk {@link HomeCColumn#numeric()} in one loop.
 */
public final class Reading implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String houseId;
    private final long sourceTime;
    private final Instant eventTime;
    // indexed by HomeCColumn.ordinal(); NaN marks an absent optional number (cloud cover)
    private final double[] numbers;
    private final String icon;
    private final String summary;

    Reading(
            String houseId,
            long sourceTime,
            Instant eventTime,
            double[] numbers,
            String icon,
            String summary) {
        this.houseId = Objects.requireNonNull(houseId, "houseId");
        this.sourceTime = sourceTime;
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        if (numbers.length != HomeCColumn.COUNT) {
            throw new IllegalArgumentException("expected " + HomeCColumn.COUNT + " slots");
        }
        this.numbers = numbers;
        this.icon = icon;
        this.summary = summary;
    }

    /** The house this reading belongs to (the partition key downstream). */
    public String houseId() {
        return houseId;
    }

    /** The {@code time} column as the file had it. */
    public long sourceTime() {
        return sourceTime;
    }

    /** The real time of the minute, after {@link EventTimePolicy}. */
    public Instant eventTime() {
        return eventTime;
    }

    /**
     * The cleaned value of a numeric column, or {@code null} where an optional column (cloud cover)
     * had no number.
     *
     * @throws IllegalArgumentException for the time and text columns
     */
    public Double number(HomeCColumn column) {
        if (!column.kind().isNumeric()) {
            throw new IllegalArgumentException(column + " is not a numeric column");
        }
        double value = numbers[column.ordinal()];
        return Double.isNaN(value) ? null : value;
    }

    /** Same as {@link #number} for a column that is never absent, without boxing. */
    public double value(HomeCColumn column) {
        if (column.kind() == HomeCColumn.Kind.OPTIONAL_NUMBER || !column.kind().isNumeric()) {
            throw new IllegalArgumentException(column + " may be absent: use number()");
        }
        return numbers[column.ordinal()];
    }

    public String icon() {
        return icon;
    }

    public String summary() {
        return summary;
    }

    public double useKw() {
        return value(HomeCColumn.USE_KW);
    }

    public double genKw() {
        return value(HomeCColumn.GEN_KW);
    }

    /** Energy used in this minute, kWh. */
    public double useKwh() {
        return Cleaning.minuteEnergyKwh(useKw());
    }

    /** Energy generated in this minute, kWh. */
    public double genKwh() {
        return Cleaning.minuteEnergyKwh(genKw());
    }

    /** Temperature in °C. */
    public double temperature() {
        return value(HomeCColumn.TEMPERATURE);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Reading that)) {
            return false;
        }
        return sourceTime == that.sourceTime
                && houseId.equals(that.houseId)
                && eventTime.equals(that.eventTime)
                && Arrays.equals(numbers, that.numbers)
                && Objects.equals(icon, that.icon)
                && Objects.equals(summary, that.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(houseId, sourceTime, eventTime, Arrays.hashCode(numbers));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Reading{house=").append(houseId);
        text.append(", eventTime=").append(eventTime);
        for (HomeCColumn column : HomeCColumn.numeric()) {
            text.append(", ").append(column.storageName()).append('=').append(number(column));
        }
        return text.append(", icon=")
                .append(icon)
                .append(", summary=")
                .append(summary)
                .append('}')
                .toString();
    }
}
