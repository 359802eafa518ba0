package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node of its own (not the shared stack's): stopping it must not disturb other tests. */
class CassandraRestartKeepsDataIntegrationTest {

    @TempDir Path folder;

    private CassandraNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void rowsWrittenBeforeAStopAreThereAfterTheRestart() {
        node =
                new CassandraNode(
                        folder.resolve("cassandra"),
                        Ports.free(),
                        Ports.free(),
                        Ports.free(),
                        "512m",
                        true,
                        ProcessHandle.current().pid());
        node.launch();
        node.awaitReady(Duration.ofMinutes(3));
        try (CqlSession session = node.session()) {
            CassandraSchema.apply(session);
            session.execute(
                    "INSERT INTO my_batch.kw_use_all_time (house_id, count, use_kwh)"
                            + " VALUES ('home-c', 2838, 42.5)");
        }

        // a clean stop (SIGTERM) and a start on the same data folder
        node.restart(Duration.ofMinutes(3));

        try (CqlSession session = node.session()) {
            var row =
                    session.execute(
                                    "SELECT count, use_kwh FROM my_batch.kw_use_all_time"
                                            + " WHERE house_id = 'home-c'")
                            .one();
            assertThat(row).isNotNull();
            assertThat(row.getLong("count")).isEqualTo(2838);
            assertThat(row.getDouble("use_kwh")).isEqualTo(42.5);
        }
    }
}
