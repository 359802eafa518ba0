package io.iothome.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.cql.Row;
import io.iothome.batch.BatchJob;
import io.iothome.batch.BatchSettings;
import io.iothome.model.EventTimePolicy;
import io.iothome.spark.CassandraSettings;
import io.iothome.spark.SparkSessions;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.ProjectFiles;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlJobIntegrationTest {

    private TestNamespace namespace;
    private CassandraSettings cassandra;
    private SparkSession spark;

    @BeforeAll
    void startSpark(TestNamespace namespace) {
        this.namespace = namespace;
        namespace.keyspaces();
        cassandra =
                new CassandraSettings(
                        namespace.endpoints().cassandraHost(),
                        namespace.endpoints().cassandraPort(),
                        null,
                        null);
        spark = SparkSessions.create("ml-test", "local[2]", cassandra, "UTC");
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void realRowsHourlyTableGivesFourMetricsRowsAndTheirTestPredictions(@TempDir Path models) {
        batch(ProjectFiles.sampleCsv().toString(), "home-c");

        List<MlResult> results = ml("home-c", models).run();

        String keyspace = namespace.keyspaces().batch();
        assertThat(results).hasSize(4);
        List<Row> metrics =
                namespace
                        .cassandra()
                        .execute(
                                "SELECT * FROM "
                                        + keyspace
                                        + ".model_metrics WHERE house_id ="
                                        + " 'home-c' AND target IN ('temperature', 'use_kw')")
                        .all();
        assertThat(metrics).hasSize(4);
        for (MlResult result : results) {
            // 48 hours: the original uses them all; the forecast loses the first two (lags)
            // and the last one (no next hour)
            long usable = result.setup() == Setup.ORIGINAL ? 48 : 45;
            assertThat(result.trainCount() + result.testCount()).isEqualTo(usable);
            assertThat(result.features()).doesNotContain(result.target().column);
            long predictions =
                    namespace
                            .cassandra()
                            .execute(
                                    "SELECT count(*) FROM "
                                            + keyspace
                                            + ".model_predictions"
                                            + " WHERE house_id = 'home-c' AND target = ? AND"
                                            + " setup = ? ALLOW FILTERING",
                                    result.target().column,
                                    result.setup().label)
                            .one()
                            .getLong(0);
            assertThat(predictions).isEqualTo(result.testCount());
            assertThat(Files.isDirectory(Path.of(result.modelPath()))).isTrue();
        }
        Row forecast =
                metrics.stream()
                        .filter(r -> r.getString("setup").equals("forecast"))
                        .findFirst()
                        .orElseThrow();
        assertThat(forecast.getString("baseline")).isEqualTo("persistence");
        assertThat(forecast.getInt("test_count")).isEqualTo(9);
        assertThat(forecast.getList("features", String.class)).contains("temperature_t");
    }

    @Test
    void tooFewHoursStopTheRunWithAMessageAndNoModel(@TempDir Path folder) throws IOException {
        List<String> lines = Files.readAllLines(ProjectFiles.sampleCsv(), StandardCharsets.UTF_8);
        Path tenHours = folder.resolve("ten-hours.csv");
        Files.write(tenHours, lines.subList(0, 601), StandardCharsets.UTF_8);
        batch(tenHours.toString(), "home-c-short");

        assertThatThrownBy(() -> ml("home-c-short", folder.resolve("models")).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few hours to split");

        assertThat(Files.exists(folder.resolve("models"))).isFalse();
        assertThat(
                        namespace
                                .cassandra()
                                .execute(
                                        "SELECT count(*) FROM "
                                                + namespace.keyspaces().batch()
                                                + ".model_metrics WHERE house_id = 'home-c-short'"
                                                + " AND target = 'temperature'")
                                .one()
                                .getLong(0))
                .isZero();
    }

    private void batch(String input, String house) {
        new BatchJob(
                        spark,
                        new BatchSettings(
                                input,
                                house,
                                "America/New_York",
                                EventTimePolicy.homeC(),
                                cassandra,
                                namespace.keyspaces().streaming(),
                                namespace.keyspaces().batch(),
                                30))
                .run();
    }

    private MlJob ml(String house, Path models) {
        return new MlJob(
                spark,
                new MlJob.Settings(
                        house, namespace.keyspaces().batch(), models.toString(), 42, cassandra));
    }
}
