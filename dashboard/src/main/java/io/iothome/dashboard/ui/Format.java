package io.iothome.dashboard.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times read on screen, one way everywhere (the browser tests rely on it). */
public final class Format {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Format() {}

    /** Three decimals, a dot, no grouping; a dash for no value. */
    public static String number(Double value) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String minute(Instant instant, ZoneId zone) {
        return instant == null ? "–" : MINUTE.format(instant.atZone(zone));
    }
}
