package io.iothome.streaming;

import static io.iothome.streaming.StreamingFixtures.awaitCount;
import static io.iothome.streaming.StreamingFixtures.distinctPoints;
import static io.iothome.streaming.StreamingFixtures.rawCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.cql.Row;
import io.iothome.model.EventTimePolicy;
import io.iothome.model.HomeCColumn;
import io.iothome.model.ParseResult;
import io.iothome.model.Reading;
import io.iothome.model.ReadingParser;
import io.iothome.spark.ReadingRows;
import io.iothome.spark.SparkSessions;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.ProjectFiles;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingJobIntegrationTest {

    private TestNamespace namespace;
    private SparkSession spark;
    private List<String> sampleLines;

    @BeforeAll
    void startSpark(TestNamespace namespace) throws IOException {
        this.namespace = namespace;
        namespace.keyspaces();
        sampleLines = Files.readAllLines(ProjectFiles.sampleCsv(), StandardCharsets.UTF_8);
        spark =
                SparkSessions.create(
                        "streaming-test",
                        "local[2]",
                        StreamingFixtures.cassandra(namespace),
                        "UTC");
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void realRowsArriveExactlyOnceInCassandraAndTheLineProtocolStoreAsCleaned(
            @TempDir Path checkpoints) throws Exception {
        String topic = namespace.topic("sample");
        String measurement = namespace.measurement("iothome_data");
        StreamingFixtures.send(
                namespace.endpoints().kafkaBootstrapServers(),
                topic,
                "home-c",
                sampleLines.subList(1, sampleLines.size()));
        StreamingSettings settings =
                StreamingFixtures.settings(
                        namespace,
                        topic,
                        namespace.endpoints().influxUrl(),
                        measurement,
                        checkpoints.resolve("first"));

        // step 1: drain the topic
        runToEnd(settings);

        // step 2: replay everything from scratch (a new checkpoint): upserts, no doubles
        runToEnd(
                StreamingFixtures.settings(
                        namespace,
                        topic,
                        namespace.endpoints().influxUrl(),
                        measurement,
                        checkpoints.resolve("replay")));

        // step 3: 2,838 readings in each store, once each
        String keyspace = namespace.keyspaces().streaming();
        QuestDbClient questDb = namespace.questDb();
        assertThat(rawCount(namespace.cassandra(), keyspace)).isEqualTo(2838);
        assertThat(awaitCount(() -> questDb.count(measurement), 2838, 60)).isEqualTo(2838);
        assertThat(distinctPoints(questDb, measurement)).isEqualTo(2838);

        // step 4: values equal the shared cleaning's, on several rows
        ReadingParser parser = new ReadingParser(EventTimePolicy.homeC(), "home-c");
        for (int line : new int[] {1, 59, 1000, 2838}) {
            Reading expected =
                    ((ParseResult.Accepted) parser.parse(sampleLines.get(line))).reading();
            Row stored =
                    namespace
                            .cassandra()
                            .execute(
                                    "SELECT * FROM "
                                            + keyspace
                                            + ".raw_row_dataset WHERE"
                                            + " house_id = ? AND day = ? AND event_time = ?",
                                    "home-c",
                                    ReadingRows.day(expected.eventTime()),
                                    expected.eventTime())
                            .one();
            assertThat(stored).as("line %d", line).isNotNull();
            assertThat(stored.getLong("source_time")).isEqualTo(expected.sourceTime());
            assertThat(stored.getLong("source_offset")).isEqualTo(line - 1);
            for (HomeCColumn column : HomeCColumn.numeric()) {
                Double value = expected.number(column);
                if (value == null) {
                    assertThat(stored.isNull(column.storageName())).isTrue();
                } else {
                    assertThat(stored.getDouble(column.storageName()))
                            .as("%s of line %d", column, line)
                            .isEqualTo(value);
                }
            }
            assertThat(stored.getString("summary")).isEqualTo(expected.summary());

            String at = expected.eventTime().toString().replace("Z", ".000000Z");
            List<String[]> point =
                    questDb.query(
                            "SELECT temperature, use_kw, house_id, summary FROM "
                                    + measurement
                                    + " WHERE timestamp = '"
                                    + at
                                    + "'");
            assertThat(point).as("point of line %d", line).hasSize(2);
            assertThat(Double.parseDouble(point.get(1)[0]))
                    .isCloseTo(expected.temperature(), within(1e-12));
            assertThat(Double.parseDouble(point.get(1)[1])).isEqualTo(expected.useKw());
            assertThat(point.get(1)[2]).isEqualTo("home-c");
        }
    }

    @Test
    void malformedLinesAreStoredWithTheirReasonsAndTheJobKeepsRunning(@TempDir Path checkpoint)
            throws Exception {
        String topic = namespace.topic("messy");
        String measurement = namespace.measurement("messy_data");
        String good = sampleLines.get(1);
        List<String> lines = new ArrayList<>();
        lines.add(sampleLines.get(1)); // offset 0
        lines.add(good.substring(0, good.lastIndexOf(','))); // 1: a column short
        lines.add(sampleLines.get(2)); // 2
        lines.add(good.replaceFirst(",1016.91,", ",high,")); // 3: text in a number column
        lines.add(sampleLines.get(3)); // 4
        lines.add(""); // 5: an empty line
        lines.add(sampleLines.get(4)); // 6
        lines.add("1452128310" + ",".repeat(31)); // 7: HomeC's malformed last row
        StreamingFixtures.send(
                namespace.endpoints().kafkaBootstrapServers(), topic, "home-c-messy", lines);
        StreamingSettings settings =
                StreamingFixtures.settings(
                        namespace,
                        topic,
                        namespace.endpoints().influxUrl(),
                        measurement,
                        checkpoint);

        StreamingQuery query = new StreamingJob(spark, settings).start();
        try {
            query.processAllAvailable();

            assertThat(query.isActive()).isTrue();
        } finally {
            query.stop();
        }
        String keyspace = namespace.keyspaces().streaming();
        assertThat(
                        namespace
                                .cassandra()
                                .execute(
                                        "SELECT count(*) FROM "
                                                + keyspace
                                                + ".raw_row_dataset WHERE house_id ="
                                                + " 'home-c-messy' ALLOW FILTERING")
                                .one()
                                .getLong(0))
                .isEqualTo(4);
        List<String> rejects =
                namespace
                        .cassandra()
                        .execute(
                                "SELECT position, reason, raw_line FROM "
                                        + keyspace
                                        + ".rejected_records WHERE source = ?",
                                "kafka:" + topic + ":0")
                        .all()
                        .stream()
                        .map(r -> r.getLong("position") + ":" + r.getString("reason"))
                        .toList();
        assertThat(rejects)
                .containsExactly(
                        "1:WRONG_COLUMN_COUNT",
                        "3:NOT_A_NUMBER",
                        "5:BLANK_LINE",
                        "7:MISSING_VALUE");
    }

    private void runToEnd(StreamingSettings settings) throws Exception {
        StreamingQuery query = new StreamingJob(spark, settings).start();
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }
    }
}
