package io.iothome.streaming;

import static io.iothome.streaming.StreamingFixtures.awaitCount;
import static io.iothome.streaming.StreamingFixtures.distinctPoints;
import static io.iothome.streaming.StreamingFixtures.rawCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.stack.JavaRuntime;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.ProjectFiles;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The job in a JVM of its own, so that it can be killed with SIGKILL mid-stream. */
@ExtendWith(LocalStackExtension.class)
class StreamingJobCrashRecoveryIntegrationTest {

    private static final int ROWS = 100_000;

    @Test
    void killNineMidStreamThenRestartLeavesExactlyEveryReadingInBothStores(
            TestNamespace namespace, @TempDir Path folder) throws Exception {
        String topic = namespace.topic("crash");
        String measurement = namespace.measurement("crash_data");
        String keyspace = namespace.keyspaces().streaming();
        QuestDbClient questDb = namespace.questDb();
        StreamingFixtures.send(
                namespace.endpoints().kafkaBootstrapServers(),
                topic,
                "home-c",
                StreamingFixtures.generatedLines(ROWS));
        Path checkpoint = folder.resolve("checkpoint");

        // step 1: start the job, and SIGKILL it once part of the stream is stored
        Process first =
                startJob(namespace, topic, measurement, checkpoint, folder.resolve("1.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        long before = 0;
        while (before < 20_000 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(500);
            before = rawCount(namespace.cassandra(), keyspace);
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(before)
                .as(
                        "stored before the kill; the job's log ends with:%n%s",
                        tail(folder.resolve("1.log")))
                .isBetween(20_000L, ROWS - 1L);

        // step 2: restart on the same checkpoint and let it catch up
        Process second =
                startJob(namespace, topic, measurement, checkpoint, folder.resolve("2.log"));
        try {
            long stored = awaitCount(() -> rawCount(namespace.cassandra(), keyspace), ROWS, 300);
            long points = awaitCount(() -> distinctPoints(questDb, measurement), ROWS, 120);

            // step 3: every reading exactly once in each store, no gap
            assertThat(stored).isEqualTo(ROWS);
            assertThat(points).isEqualTo(ROWS);
            assertThat(questDb.count(measurement)).isEqualTo(ROWS);
            List<String[]> span =
                    questDb.query("SELECT min(timestamp), max(timestamp) FROM " + measurement);
            assertThat(span.get(1)[0]).startsWith("2016-01-01T05:00:00");
            // 99,999 minutes later: no reading missing at either end
            assertThat(span.get(1)[1])
                    .startsWith(
                            java.time.Instant.parse("2016-01-01T05:00:00Z")
                                    .plusSeconds(60L * (ROWS - 1))
                                    .toString()
                                    .replace("Z", ""));
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static Process startJob(
            TestNamespace namespace, String topic, String measurement, Path checkpoint, Path log)
            throws IOException {
        Path module = ProjectFiles.root().resolve("streaming-job");
        String classpath =
                module.resolve("target/classes")
                        + ":"
                        + Files.readString(module.resolve("target/run.classpath")).trim();
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.java17().toString());
        command.addAll(
                Arrays.asList(System.getProperty("iothome.spark.jvm.options", "").split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-cp", classpath, StreamingJobCommand.class.getName()));
        command.addAll(
                List.of(
                        "-b", namespace.endpoints().kafkaBootstrapServers(),
                        "-t", topic,
                        "--master", "local[2]",
                        "--checkpoint", checkpoint.toUri().toString(),
                        "--max-offsets-per-trigger", "10000",
                        "--cassandra-port", Integer.toString(namespace.endpoints().cassandraPort()),
                        "--keyspace", namespace.keyspaces().streaming(),
                        "--influx-url", namespace.endpoints().influxUrl(),
                        "--influx-measurement", measurement));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
