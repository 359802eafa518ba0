package io.iothome.dashboard.store;

/**
 * Every statement the dashboard runs: fixed text, prepared once per session, values bound. {@code
 * {batch}} and {@code {streaming}} stand for the configured keyspaces, which are checked to be
 * plain identifiers at start-up; nothing from a request ever reaches the text.
 */
enum ViewQuery {
    PING("SELECT release_version FROM system.local"),

    ENERGY_WHOLE_PERIOD("SELECT * FROM {batch}.kw_use_all_time WHERE house_id = ?"),
    ENERGY_MONTH("SELECT * FROM {batch}.kw_use_month WHERE house_id = ?"),
    ENERGY_DAY_OF_WEEK("SELECT * FROM {batch}.kw_use_day_of_week WHERE house_id = ?"),
    ENERGY_DAY_OF_YEAR("SELECT * FROM {batch}.kw_use_day WHERE house_id = ?"),
    WEATHER_WHOLE_PERIOD("SELECT * FROM {batch}.weather_all_time WHERE house_id = ?"),
    WEATHER_MONTH("SELECT * FROM {batch}.weather_month WHERE house_id = ?"),
    WEATHER_DAY_OF_WEEK("SELECT * FROM {batch}.weather_day_of_week WHERE house_id = ?"),
    WEATHER_DAY_OF_YEAR("SELECT * FROM {batch}.weather_day WHERE house_id = ?"),

    HISTOGRAM(
            "SELECT bin, bin_low, bin_high, count FROM {batch}.column_histogram"
                    + " WHERE house_id = ? AND column_name = ?"),
    HOURS("SELECT hour_start, readings FROM {batch}.weather_prediction WHERE house_id = ?"),
    PREPROCESSED_DAY(
            "SELECT event_time, use_kw, gen_kw, temperature, apparent_temperature, humidity,"
                    + " pressure, wind_speed, visibility, summary"
                    + " FROM {batch}.preprocessed_row_dataset WHERE house_id = ? AND day = ?"
                    + " ORDER BY event_time ASC"),
    APPLIANCE_MONTH(
            "SELECT month, appliance, kwh FROM {batch}.appliance_kwh_month WHERE house_id = ?"),
    MODEL_METRICS("SELECT * FROM {batch}.model_metrics WHERE house_id = ? AND target = ?"),
    MODEL_PREDICTIONS(
            "SELECT hour_start, actual, predicted, baseline FROM {batch}.model_predictions"
                    + " WHERE house_id = ? AND target = ? AND setup = ? AND run_at = ?"),

    LIVE_DAYS("SELECT DISTINCT house_id, day FROM {streaming}.raw_row_dataset"),
    LIVE_NEWEST(
            "SELECT event_time, use_kw, gen_kw, temperature, apparent_temperature, humidity,"
                    + " pressure, wind_speed, visibility, summary"
                    + " FROM {streaming}.raw_row_dataset WHERE house_id = ? AND day = ? LIMIT ?");

    private final String template;

    ViewQuery(String template) {
        this.template = template;
    }

    static ViewQuery aggregates(DatasetKind dataset, Granularity granularity) {
        return valueOf(dataset.name() + "_" + granularity.name());
    }

    String cql(DashboardSettings settings) {
        return template.replace("{batch}", settings.batchKeyspace())
                .replace("{streaming}", settings.streamingKeyspace());
    }
}
