package io.iothome.data;

import java.util.SplittableRandom;

/**
 * The hourly weather over the house, as HomeC reports it: values change once an hour and repeat for
 * the hour's minutes. Seasonal and daily temperature cycles with a persistent anomaly, pressure and
 * wind as slow random processes, clouds and rain spells that drive solar, icon and summary.
 * Temperatures in °F, as the published file has them.
 */
final class Weather {

    // yearly cycle in °F: coldest in mid-January, warmest in mid-July
    private static final double MEAN_F = 49.2;
    private static final double SEASONAL_SWING_F = 24.5;
    private static final double DAILY_SWING_F = 7.5;
    private static final double ANOMALY_PERSISTENCE = 0.96;
    private static final double ANOMALY_SD_F = 5.5;

    private static final double PRESSURE_MEAN_HPA = 1016.0;
    private static final double PRESSURE_PERSISTENCE = 0.95;
    private static final double PRESSURE_SD_HPA = 8.2;

    private static final double WIND_MEAN_MPH = 6.7;
    private static final double WIND_SPREAD = 0.5;

    private static final double WIND_MAX_MPH = 23;

    private final SplittableRandom random;

    private double temperatureAnomaly;
    private double pressureAnomaly;
    private double windLatent;
    private double cloudLatent;
    private double humidityNoise;
    private double bearing;
    private int rainHoursLeft;
    private double rainIntensity;

    // the current hour's values
    double temperature;
    double apparentTemperature;
    double humidity;
    double dewPoint;
    double pressure;
    double windSpeed;
    double windBearing;
    double cloudCover;
    double visibility;
    double precipIntensity;
    double precipProbability;
    String icon;
    String summary;

    Weather(SplittableRandom random) {
        this.random = random;
        this.bearing = 280;
    }

    /** Moves the weather to a new hour: local day of year (1-366) and local hour (0-23). */
    void advanceTo(int dayOfYear, int hour, boolean daylight) {
        temperatureAnomaly = persist(temperatureAnomaly, ANOMALY_PERSISTENCE, ANOMALY_SD_F);
        pressureAnomaly = persist(pressureAnomaly, PRESSURE_PERSISTENCE, PRESSURE_SD_HPA);
        windLatent = persist(windLatent, 0.9, 1.0);
        cloudLatent = persist(cloudLatent, 0.92, 1.0);
        humidityNoise = persist(humidityNoise, 0.85, 0.08);
        bearing = (bearing + random.nextGaussian() * 25 + 360) % 360;

        double seasonal = -Math.cos(2 * Math.PI * (dayOfYear - 15) / 365.25);
        double daily = -Math.cos(2 * Math.PI * (hour - 3) / 24.0);
        // winters swing wider than summers
        double coldness = (1 - seasonal) / 2;
        temperature =
                MEAN_F
                        + SEASONAL_SWING_F * seasonal
                        + DAILY_SWING_F * daily
                        + temperatureAnomaly * (1 + coldness);

        // low pressure brings clouds and rain
        cloudCover = clamp(0.32 + 0.28 * cloudLatent - 0.012 * pressureAnomaly, 0, 1);
        if (rainHoursLeft > 0) {
            rainHoursLeft--;
        } else if (cloudCover > 0.7 && random.nextDouble() < 0.06) {
            rainHoursLeft = 1 + random.nextInt(8);
            rainIntensity = 0.005 + random.nextExponential() * 0.04;
        }
        boolean raining = rainHoursLeft > 0;
        precipIntensity = raining ? rainIntensity * (0.5 + random.nextDouble()) : 0;
        precipProbability =
                raining
                        ? clamp(0.45 + random.nextDouble() * 0.5, 0, 1)
                        : clamp(cloudCover > 0.6 ? random.nextDouble() * 0.2 : 0, 0, 1);

        humidity = clamp(0.68 - 0.12 * daily + (raining ? 0.15 : 0) + humidityNoise, 0.13, 0.98);
        dewPoint = dewPointFahrenheit(temperature, humidity);
        pressure = PRESSURE_MEAN_HPA + pressureAnomaly;
        double gust = Math.exp(WIND_SPREAD * windLatent - WIND_SPREAD * WIND_SPREAD / 2);
        windSpeed = Math.min(WIND_MAX_MPH, WIND_MEAN_MPH * gust);
        windBearing = Math.floor(bearing);
        visibility =
                raining
                        ? 2 + random.nextDouble() * 7
                        : humidity > 0.9 ? 6 + random.nextDouble() * 4 : 10;
        apparentTemperature = apparent(temperature, windSpeed, humidity);

        describe(daylight, raining);
    }

    private void describe(boolean daylight, boolean raining) {
        String part = daylight ? "day" : "night";
        if (raining) {
            icon = "rain";
            summary =
                    precipIntensity > 0.1
                            ? "Rain"
                            : precipIntensity > 0.02 ? "Light Rain" : "Drizzle";
        } else if (cloudCover < 0.25) {
            icon = "clear-" + part;
            summary = "Clear";
        } else if (cloudCover < 0.55) {
            icon = "partly-cloudy-" + part;
            summary = "Partly Cloudy";
        } else if (cloudCover < 0.85) {
            icon = "partly-cloudy-" + part;
            summary = "Mostly Cloudy";
        } else {
            icon = "cloudy";
            summary = "Overcast";
        }
    }

    private double persist(double previous, double persistence, double stationarySd) {
        double innovationSd = stationarySd * Math.sqrt(1 - persistence * persistence);
        return persistence * previous + random.nextGaussian() * innovationSd;
    }

    /** Wind chill below 50 °F with wind, a simple heat index above 80 °F, else the air's. */
    private static double apparent(double fahrenheit, double windMph, double humidity) {
        if (fahrenheit <= 50 && windMph > 3) {
            double v = Math.pow(windMph, 0.16);
            return 35.74 + 0.6215 * fahrenheit - 35.75 * v + 0.4275 * fahrenheit * v;
        }
        if (fahrenheit >= 80) {
            return fahrenheit + (humidity - 0.4) * 12;
        }
        return fahrenheit;
    }

    /** Magnus formula, in °C inside. */
    private static double dewPointFahrenheit(double fahrenheit, double humidity) {
        double celsius = (fahrenheit - 32) * 5 / 9;
        double gamma = Math.log(humidity) + 17.62 * celsius / (243.12 + celsius);
        double dewCelsius = 243.12 * gamma / (17.62 - gamma);
        return dewCelsius * 9 / 5 + 32;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
