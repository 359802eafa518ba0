package io.iothome.data;

/**
 * Writes numbers the way HomeC does, fast: plain decimals with trailing zeros dropped, and tiny
 * non-zero kW values in scientific notation ({@code 3.33E-05}). No {@code String.format} on the hot
 * path: a year is 16 million numbers.
 */
final class NumberFormat {

    private static final long[] POWERS_OF_TEN = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L
    };

    /** Below this, HomeC writes a kW value in scientific notation. */
    private static final double SCIENTIFIC_BELOW = 1e-4;

    private NumberFormat() {}

    /** Appends {@code value} rounded to {@code decimals} places, trailing zeros dropped. */
    static void appendDecimal(StringBuilder out, double value, int decimals) {
        long scale = POWERS_OF_TEN[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (scaled == 0) {
            out.append('0');
            return;
        }
        if (value < 0) {
            out.append('-');
        }
        out.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction == 0) {
            return;
        }
        int places = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        out.append('.');
        String digits = Long.toString(fraction);
        for (int pad = digits.length(); pad < places; pad++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** Appends a kW value: nine decimals, or {@code d.ddE-XX} when it is tiny but not zero. */
    static void appendKw(StringBuilder out, double kw) {
        if (kw > 0 && kw < SCIENTIFIC_BELOW) {
            appendScientific(out, kw);
        } else {
            appendDecimal(out, kw, 9);
        }
    }

    /** Appends a positive number below 1 as {@code d.ddE-XX}. */
    static void appendScientific(StringBuilder out, double value) {
        int exponent = (int) Math.floor(Math.log10(value));
        long mantissa = Math.round(value / Math.pow(10, exponent) * 100);
        if (mantissa >= 1000) {
            mantissa /= 10;
            exponent++;
        }
        out.append(mantissa / 100).append('.');
        long hundredths = mantissa % 100;
        if (hundredths < 10) {
            out.append('0');
        }
        out.append(hundredths).append("E-");
        int magnitude = -exponent;
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }
}
