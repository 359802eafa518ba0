package io.iothome.model;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns one HomeC CSV line into a clean {@link Reading} or a {@link Rejection} that says why. Never
 * throws for bad input. Serializable, so Spark ships one to its executors; the CSV parser itself is
 * created per JVM.
 *
 * <p>The cleaning, defined once for every job: event time repaired by the {@link EventTimePolicy};
 * {@code temperature}, {@code apparentTemperature} and {@code dewPoint} from °F to °C; numbers in
 * scientific notation read as the exact doubles they denote; the placeholder text {@code
 * cloudCover} in the cloud cover column read as an absent value.
 */
public final class ReadingParser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A decimal number, with optional exponent. No NaN, Infinity, hex or type suffix. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** What HomeC writes in the cloud cover column of its early rows instead of a number. */
    private static final String CLOUD_COVER_PLACEHOLDER = "cloudCover";

    private final EventTimePolicy eventTimePolicy;
    private final String houseId;
    private transient ICSVParser csv;

    public ReadingParser(EventTimePolicy eventTimePolicy, String houseId) {
        this.eventTimePolicy = Objects.requireNonNull(eventTimePolicy, "eventTimePolicy");
        this.houseId = Objects.requireNonNull(houseId, "houseId");
        if (houseId.isBlank()) {
            throw new IllegalArgumentException("house id must not be blank");
        }
    }

    public EventTimePolicy eventTimePolicy() {
        return eventTimePolicy;
    }

    public String houseId() {
        return houseId;
    }

    /** Parses and cleans one line (without its line terminator). */
    public ParseResult parse(String line) {
        if (line == null || line.isBlank()) {
            return reject(line == null ? "" : line, RejectReason.BLANK_LINE, "blank line");
        }

        // RFC 4180 doubles a quote inside a quoted field, so a whole record has an even count;
        // the parser would otherwise run an unterminated quote to the end of the line
        if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
            return reject(line, RejectReason.MALFORMED_CSV, "not valid CSV: unterminated quote");
        }
        String[] fields;
        try {
            fields = csv().parseLine(stripCarriageReturn(line));
        } catch (IOException | RuntimeException e) {
            return reject(line, RejectReason.MALFORMED_CSV, "not valid CSV: " + e.getMessage());
        }
        if (fields == null) {
            return reject(line, RejectReason.MALFORMED_CSV, "not valid CSV: incomplete line");
        }
        if (fields.length > 0 && fields[0].trim().equalsIgnoreCase(HomeCColumn.TIME.header())) {
            return reject(line, RejectReason.HEADER, "header line");
        }
        if (fields.length != HomeCColumn.COUNT) {
            return reject(
                    line,
                    RejectReason.WRONG_COLUMN_COUNT,
                    "expected " + HomeCColumn.COUNT + " columns, found " + fields.length);
        }

        // the time column: an integer, then the policy's repair
        String timeText = fields[HomeCColumn.TIME.ordinal()].trim();
        if (timeText.isEmpty()) {
            return reject(line, RejectReason.MISSING_VALUE, "time is empty");
        }
        long sourceTime;
        Instant eventTime;
        try {
            sourceTime = Long.parseLong(timeText);
            eventTime = eventTimePolicy.eventTime(sourceTime);
        } catch (NumberFormatException e) {
            return reject(line, RejectReason.BAD_TIME, "time '" + timeText + "' is not an integer");
        } catch (ArithmeticException | DateTimeException e) {
            return reject(line, RejectReason.BAD_TIME, "time '" + timeText + "' is out of range");
        }

        // every numeric column, cleaned; the first bad one decides the rejection
        double[] numbers = new double[HomeCColumn.COUNT];
        for (HomeCColumn column : HomeCColumn.numeric()) {
            String text = fields[column.ordinal()].trim();
            if (column.kind() == HomeCColumn.Kind.OPTIONAL_NUMBER
                    && text.equals(CLOUD_COVER_PLACEHOLDER)) {
                numbers[column.ordinal()] = Double.NaN;
                continue;
            }
            if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
                return reject(
                        line,
                        RejectReason.MISSING_VALUE,
                        column.header() + " has no value" + (text.isEmpty() ? "" : " (NaN)"));
            }
            if (!DECIMAL.matcher(text).matches()) {
                return reject(
                        line,
                        RejectReason.NOT_A_NUMBER,
                        column.header() + " is not a number: '" + text + "'");
            }
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                return reject(
                        line,
                        RejectReason.NOT_A_NUMBER,
                        column.header() + " is out of range: '" + text + "'");
            }
            if (column.kind() == HomeCColumn.Kind.FAHRENHEIT) {
                value = Cleaning.fahrenheitToCelsius(value);
            }
            numbers[column.ordinal()] = value;
        }

        String icon = emptyToNull(fields[HomeCColumn.ICON.ordinal()]);
        String summary = emptyToNull(fields[HomeCColumn.SUMMARY.ordinal()]);
        return new ParseResult.Accepted(
                new Reading(houseId, sourceTime, eventTime, numbers, icon, summary));
    }

    private ICSVParser csv() {
        if (csv == null) {
            csv = new RFC4180ParserBuilder().build();
        }
        return csv;
    }

    private static ParseResult reject(String line, RejectReason reason, String message) {
        return new ParseResult.Rejected(new Rejection(line, reason, message));
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String emptyToNull(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
