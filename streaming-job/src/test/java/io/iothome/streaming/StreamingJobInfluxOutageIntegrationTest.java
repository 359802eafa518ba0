package io.iothome.streaming;

import static io.iothome.streaming.StreamingFixtures.awaitCount;
import static io.iothome.streaming.StreamingFixtures.rawCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.spark.SparkSessions;
import io.iothome.stack.InfluxWriteServer;
import io.iothome.stack.Ports;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.TestNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A line-protocol server of its own: stopping the shared one would disturb other tests. */
@ExtendWith(LocalStackExtension.class)
class StreamingJobInfluxOutageIntegrationTest {

    private static final int ROWS = 20_000;

    @Test
    void lineProtocolServerDownForThirtySecondsLosesNothingOnceTheJobIsRestarted(
            TestNamespace namespace, @TempDir Path folder) throws Exception {
        InfluxWriteServer influx =
                new InfluxWriteServer(
                        folder.resolve("questdb"),
                        Ports.free(),
                        "256m",
                        ProcessHandle.current().pid());
        influx.start(Duration.ofMinutes(2));
        SparkSession spark =
                SparkSessions.create(
                        "outage-test", "local[2]", StreamingFixtures.cassandra(namespace), "UTC");
        try {
            String topic = namespace.topic("outage");
            String measurement = "outage_data";
            influx.createMeasurement(measurement);
            QuestDbClient questDb = influx.client();
            StreamingFixtures.send(
                    namespace.endpoints().kafkaBootstrapServers(),
                    topic,
                    "home-c",
                    StreamingFixtures.generatedLines(ROWS));
            StreamingSettings base =
                    StreamingFixtures.settings(
                            namespace, topic, influx.url(), measurement, folder.resolve("cp"));
            StreamingSettings settings =
                    new StreamingSettings(
                            base.bootstrapServers(),
                            base.topic(),
                            1000,
                            base.triggerInterval(),
                            base.checkpointLocation(),
                            base.eventTimePolicy(),
                            base.cassandra(),
                            base.keyspace(),
                            base.influx(),
                            0);

            // step 1: stream; once points arrive, take the server away for 30 s
            StreamingQuery query = new StreamingJob(spark, settings).start();
            awaitCount(() -> questDb.count(measurement), 1, 120);
            CompletableFuture<Void> outage =
                    CompletableFuture.runAsync(
                            () -> {
                                influx.stop();
                                sleep(30_000);
                                influx.start(Duration.ofMinutes(2));
                            });

            // step 2: the job fails its micro-batch while the server is away; restart it
            int restarts = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            while (true) {
                try {
                    query.processAllAvailable();
                    if (outage.isDone()) {
                        break;
                    }
                    Thread.sleep(1000);
                } catch (Exception e) {
                    // a StreamingQueryException, thrown undeclared through Scala
                    assertThat(System.nanoTime()).as("recovered in time").isLessThan(deadline);
                    restarts++;
                    Thread.sleep(2000);
                    query = new StreamingJob(spark, settings).start();
                }
            }
            outage.get(3, TimeUnit.MINUTES);
            query.processAllAvailable();
            query.stop();

            // step 3: nothing missing in either store
            assertThat(restarts).as("restarts while the server was away").isPositive();
            assertThat(awaitCount(() -> questDb.count(measurement), ROWS, 120)).isEqualTo(ROWS);
            assertThat(rawCount(namespace.cassandra(), namespace.keyspaces().streaming()))
                    .isEqualTo(ROWS);
        } finally {
            spark.stop();
            influx.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
