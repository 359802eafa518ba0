package io.iothome.spark;

import java.util.List;

/**
 * The hourly feature table ({@code my_batch.weather_prediction}): written by the batch job, read by
 * the ML job. Its measured columns are the hour's means of these readings' columns.
 */
public final class HourlyFeatureTable {

    public static final String TABLE = "weather_prediction";

    /** The hourly means it holds, by column name. */
    public static final List<String> MEASURED =
            List.of(
                    "use_kw",
                    "gen_kw",
                    "humidity",
                    "visibility",
                    "apparent_temperature",
                    "pressure",
                    "wind_speed",
                    "wind_bearing",
                    "precip_intensity",
                    "dew_point",
                    "precip_probability",
                    "temperature");

    private HourlyFeatureTable() {}
}
