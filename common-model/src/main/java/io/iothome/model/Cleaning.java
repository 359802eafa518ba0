package io.iothome.model;

/** The unit conversions every job applies in the same way. */
public final class Cleaning {

    /** HomeC has one reading per minute. */
    public static final double MINUTES_PER_READING = 1.0;

    private Cleaning() {}

    /** °F to °C. */
    public static double fahrenheitToCelsius(double fahrenheit) {
        return (fahrenheit - 32.0) * 5.0 / 9.0;
    }

    /** The energy, in kWh, of one reading's minute at a constant {@code kw}. */
    public static double minuteEnergyKwh(double kw) {
        return kw * MINUTES_PER_READING / 60.0;
    }
}
