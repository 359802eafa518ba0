package io.iothome.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.data.HomeCGenerator;
import io.iothome.stack.KafkaBroker;
import io.iothome.stack.Ports;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker of its own: restarting the shared one would disturb other tests. */
class ProducerBrokerRestartIntegrationTest {

    private static final int ROWS = 200_000;

    @TempDir Path folder;

    private KafkaBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void brokerRestartMidSendLeavesExactlyTheFileRowsWithoutGapOrDuplicate() throws Exception {
        // step 1: a 200,000-row file and a broker of this test
        Path file = folder.resolve("HomeC-200k.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HomeCGenerator(ROWS, 42, false).write(out, 0, done -> {});
        }
        broker =
                new KafkaBroker(
                        folder.resolve("kafka"),
                        Ports.free(),
                        Ports.free(),
                        "512m",
                        ProcessHandle.current().pid());
        broker.start(Duration.ofMinutes(3));
        broker.createTopic("restart", 1);

        // step 2: replay at a pace that takes about 10 s, and restart the broker meanwhile
        CompletableFuture<Integer> replay =
                CompletableFuture.supplyAsync(
                        () ->
                                ProducerCommand.run(
                                        "-i", file.toString(),
                                        "-b", broker.bootstrapServers(),
                                        "-t", "restart",
                                        "--rate", "20000",
                                        "--progress", "log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (TopicReader.endOffset(broker.bootstrapServers(), "restart") < 30_000
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long beforeRestart = TopicReader.endOffset(broker.bootstrapServers(), "restart");
        broker.restart(Duration.ofMinutes(3));
        int exit = replay.get(5, TimeUnit.MINUTES);

        // step 3: every row exactly once, in order: the time column runs without gap
        List<ConsumerRecord<String, String>> records =
                TopicReader.readAll(broker.bootstrapServers(), "restart");
        assertThat(beforeRestart).isBetween(30_000L, ROWS - 1L);
        assertThat(exit).isZero();
        assertThat(records).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String value = records.get(i).value();
            long time = Long.parseLong(value.substring(0, value.indexOf(',')));
            assertThat(time).as("row %d", i).isEqualTo(1451624400L + i);
        }
    }
}
