package io.iothome.data;

import io.iothome.model.EventTimePolicy;
import io.iothome.model.HomeCColumn;
import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a HomeC-format CSV: the published header, one row per minute from 2016-01-01T05:00Z, and
 * the published file's quirks, so every job meets them in tests and demos: a {@code time} column
 * that advances by 1 per row, tiny kW values in scientific notation, the text {@code cloudCover} in
 * the cloud cover column of the early rows, temperatures in °F and a malformed last row.
 * Deterministic: the same seed and length give the same bytes.
 */
public final class HomeCGenerator {

    /** Data rows of the published HomeC.csv, not counting its malformed last row. */
    public static final long FULL_YEAR_ROWS = 503_910;

    /** Early rows whose cloud cover holds the placeholder text, as in the published file. */
    public static final int CLOUD_COVER_PLACEHOLDER_ROWS = 58;

    private static final ZoneId HOUSE_ZONE = ZoneId.of("America/New_York");

    private final long rows;
    private final long seed;
    private final boolean malformedLastRow;

    /**
     * @param rows data rows to write (the malformed last row comes on top)
     * @param seed the random seed; equal seeds give equal files
     * @param malformedLastRow whether to end with a malformed row, as HomeC does
     */
    public HomeCGenerator(long rows, long seed, boolean malformedLastRow) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        this.rows = rows;
        this.seed = seed;
        this.malformedLastRow = malformedLastRow;
    }

    /**
     * Writes the file to {@code out} (not closed), calling {@code progress} with the rows written
     * so far every {@code progressEvery} rows.
     *
     * @return the data lines written, the malformed last row included
     */
    public long write(Writer out, long progressEvery, LongConsumer progress) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Weather weather = new Weather(random.split());
        House house = new House(random.split());
        double[] kw = new double[HomeCColumn.COUNT];
        StringBuilder line = new StringBuilder(512);
        EventTimePolicy policy = EventTimePolicy.homeC();

        out.write(HomeCColumn.headerLine());
        out.write('\n');

        long currentHour = Long.MIN_VALUE;
        int hourOfDay = 0;
        int dayOfYear = 1;
        boolean workday = true;
        for (long row = 0; row < rows; row++) {
            long sourceTime = EventTimePolicy.HOMEC_ORIGIN + row;
            long epochSecond = policy.eventTime(sourceTime).getEpochSecond();

            // the weather changes on the hour, as HomeC's hourly weather does
            long hour = Math.floorDiv(epochSecond, 3600);
            if (hour != currentHour) {
                currentHour = hour;
                ZonedDateTime local = Instant.ofEpochSecond(epochSecond).atZone(HOUSE_ZONE);
                hourOfDay = local.getHour();
                dayOfYear = local.getDayOfYear();
                DayOfWeek day = local.getDayOfWeek();
                workday = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
                boolean daylight = House.sunElevationSine(epochSecond + 1800, dayOfYear) > 0;
                weather.advanceTo(dayOfYear, hourOfDay, daylight);
            }

            house.nextMinute(new House.Moment(hourOfDay, workday, weather.temperature), kw);
            double use = 0;
            for (HomeCColumn appliance : HomeCColumn.appliances()) {
                use += kw[appliance.ordinal()];
            }
            double solar = house.solarKw(epochSecond, dayOfYear, weather.cloudCover);

            line.setLength(0);
            line.append(sourceTime);
            appendKw(line, use); // use [kW]
            appendKw(line, solar); // gen [kW]
            appendKw(line, use); // House overall [kW]
            for (HomeCColumn appliance : HomeCColumn.appliances()) {
                appendKw(line, kw[appliance.ordinal()]);
            }
            appendKw(line, solar); // Solar [kW]
            appendWeather(line, weather.temperature);
            line.append(',').append(weather.icon);
            appendWeather(line, weather.humidity);
            appendWeather(line, weather.visibility);
            line.append(',').append(weather.summary);
            appendWeather(line, weather.apparentTemperature);
            appendWeather(line, weather.pressure);
            appendWeather(line, weather.windSpeed);
            if (row < CLOUD_COVER_PLACEHOLDER_ROWS) {
                line.append(",cloudCover");
            } else {
                appendWeather(line, weather.cloudCover);
            }
            appendWeather(line, weather.windBearing);
            line.append(',');
            NumberFormat.appendDecimal(line, weather.precipIntensity, 4);
            appendWeather(line, weather.dewPoint);
            appendWeather(line, weather.precipProbability);
            line.append('\n');
            out.append(line);

            if (progressEvery > 0 && (row + 1) % progressEvery == 0) {
                progress.accept(row + 1);
            }
        }

        if (malformedLastRow) {
            // the published file ends with a row that has a time stamp and no values
            out.write(Long.toString(EventTimePolicy.HOMEC_ORIGIN + rows));
            out.write(",".repeat(HomeCColumn.COUNT - 1));
            out.write('\n');
            return rows + 1;
        }
        return rows;
    }

    private static void appendKw(StringBuilder line, double kw) {
        line.append(',');
        NumberFormat.appendKw(line, kw);
    }

    private static void appendWeather(StringBuilder line, double value) {
        line.append(',');
        NumberFormat.appendDecimal(line, value, 2);
    }
}
