package io.iothome.pipeline;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.StackEndpoints;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** What the run produced: rows per table and points in the live store, counted at the end. */
final class Summary {

    /** Every table a run fills, keyspace first. */
    static final List<String> TABLES =
            List.of(
                    "streaming.raw_row_dataset",
                    "streaming.rejected_records",
                    "my_batch.preprocessed_row_dataset",
                    "my_batch.rejected_records",
                    "my_batch.kw_use_all_time",
                    "my_batch.kw_use_month",
                    "my_batch.kw_use_day_of_week",
                    "my_batch.kw_use_day",
                    "my_batch.weather_all_time",
                    "my_batch.weather_month",
                    "my_batch.weather_day_of_week",
                    "my_batch.weather_day",
                    "my_batch.weather_prediction",
                    "my_batch.appliance_kwh_month",
                    "my_batch.column_histogram",
                    "my_batch.model_metrics",
                    "my_batch.model_predictions");

    private Summary() {}

    static void print(StackEndpoints endpoints, long startedNanos) {
        System.out.println();
        System.out.printf(
                "Summary (%d s since start; counting rows, a full year takes a minute):%n",
                Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
        try (CqlSession session = session(endpoints)) {
            for (String table : TABLES) {
                long rows = session.execute("SELECT count(*) FROM " + table).one().getLong(0);
                System.out.printf("  %-38s %,12d rows%n", table, rows);
            }
        }
        long points = new QuestDbClient(endpoints.influxUrl()).count(endpoints.measurement());
        System.out.printf(
                "  %-38s %,12d points%n", "live store " + endpoints.measurement(), points);
    }

    static CqlSession session(StackEndpoints endpoints) {
        return CqlSession.builder()
                .addContactPoint(
                        new InetSocketAddress(endpoints.cassandraHost(), endpoints.cassandraPort()))
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(
                        DriverConfigLoader.programmaticBuilder()
                                .withDuration(
                                        DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofMinutes(5))
                                .build())
                .build();
    }
}
