package io.iothome.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.stack.testing.ProjectFiles;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * docker-compose.yml brought up for real (only with -Pcompose, where a Docker engine exists):
 * 20,000 generated rows go through every service; readings must arrive in Cassandra and points in
 * InfluxDB 2. Without a Docker engine, Testcontainers fails here: this test never passes by not
 * running.
 */
class ComposeStackIT {

    private static final String PASSWORD = "composeTest1";
    private static final String TOKEN = "compose-test-token";
    private static final long ROWS = 20_000;

    @Test
    void readingsArriveInCassandraAndInfluxDb() throws Exception {
        Map<String, String> secrets =
                Map.of(
                        "CASSANDRA_ADMIN_PASSWORD", PASSWORD,
                        "IOTHOME_CASSANDRA_PASSWORD", PASSWORD,
                        "DASHBOARD_CASSANDRA_PASSWORD", PASSWORD,
                        "INFLUXDB_ADMIN_PASSWORD", PASSWORD,
                        "INFLUXDB_TOKEN", TOKEN,
                        "GENERATED_ROWS", Long.toString(ROWS));
        try (ComposeContainer compose =
                new ComposeContainer(ProjectFiles.root().resolve("docker-compose.yml").toFile())
                        .withEnv(secrets)
                        .withLocalCompose(true)
                        .withBuild(true)
                        .withExposedService(
                                "dashboard",
                                8080,
                                Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(20)))
                        .withExposedService("influxdb", 8086, Wait.forHealthcheck())) {
            compose.start();
            ContainerState cassandra = compose.getContainerByServiceName("cassandra").orElseThrow();
            ContainerState influx = compose.getContainerByServiceName("influxdb").orElseThrow();

            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            long rows = 0;
            long points = 0;
            while (System.nanoTime() < deadline && (rows < ROWS || points < ROWS)) {
                rows =
                        number(
                                cassandra
                                        .execInContainer(
                                                "cqlsh",
                                                "cassandra",
                                                "-u",
                                                "cassandra",
                                                "-p",
                                                PASSWORD,
                                                "-e",
                                                "SELECT count(*) FROM streaming.raw_row_dataset")
                                        .getStdout());
                points =
                        number(
                                influx.execInContainer(
                                                "influx",
                                                "query",
                                                "--raw",
                                                "from(bucket: \"iothome_bucket\") |> range(start:"
                                                    + " 2016-01-01T00:00:00Z, stop:"
                                                    + " 2017-01-01T00:00:00Z) |> filter(fn: (r) =>"
                                                    + " r._field == \"use_kw\") |> group() |>"
                                                    + " count()")
                                        .getStdout());
                Thread.sleep(10_000);
            }
            assertThat(rows).as("rows in streaming.raw_row_dataset").isEqualTo(ROWS);
            assertThat(points).as("use_kw points in InfluxDB").isEqualTo(ROWS);
        }
    }

    /** cqlsh's count: the first line that is a whole number. */
    private static long countRow(String output) {
        return output.lines()
                .map(String::trim)
                .filter(l -> l.matches("\\d+"))
                .findFirst()
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** The last whole number in the query's CSV: the count's _value column. */
    private static long number(String output) {
        long last = 0;
        for (String token : output.split("[^0-9]+")) {
            if (!token.isEmpty() && token.length() < 12) {
                last = Long.parseLong(token);
            }
        }
        return last;
    }
}
