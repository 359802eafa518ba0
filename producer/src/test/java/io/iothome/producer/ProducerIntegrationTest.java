package io.iothome.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.ProjectFiles;
import io.iothome.stack.testing.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalStackExtension.class)
class ProducerIntegrationTest {

    private final TestNamespace namespace;
    private final String bootstrap;
    private static final java.util.concurrent.atomic.AtomicInteger REFUSALS =
            new java.util.concurrent.atomic.AtomicInteger();

    ProducerIntegrationTest(TestNamespace namespace) {
        this.namespace = namespace;
        this.bootstrap = namespace.endpoints().kafkaBootstrapServers();
    }

    @Test
    void everyRealRowArrivesOnceInFileOrderByteIdentical() throws IOException {
        Path sample = ProjectFiles.sampleCsv();
        String topic = namespace.topic("sample");

        int exit =
                ProducerCommand.run(
                        "--input",
                        sample.toString(),
                        "-b",
                        bootstrap,
                        "-t",
                        topic,
                        "--progress",
                        "none");

        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(bootstrap, topic);
        assertThat(exit).isZero();
        assertThat(records).hasSize(2838);
        assertThat(records).extracting(ConsumerRecord::value).isEqualTo(lines.subList(1, 2839));
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("home-c");
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0);
    }

    @Test
    void limitAndFromLineSendExactlyTheChosenSlice() throws IOException {
        Path sample = ProjectFiles.sampleCsv();
        String topic = namespace.topic("slice");

        int exit =
                ProducerCommand.run(
                        "-i",
                        sample.toString(),
                        "-b",
                        bootstrap,
                        "-t",
                        topic,
                        "--from-line",
                        "101",
                        "--limit",
                        "50",
                        "--progress",
                        "none");

        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(TopicReader.readAll(bootstrap, topic))
                .extracting(ConsumerRecord::value)
                .isEqualTo(lines.subList(101, 151));
    }

    @Test
    void realTimePacingAtSpeedup60000SendsSixHundredRowsInAboutSixTenthsOfASecond() {
        String topic = namespace.topic("paced");

        long started = System.nanoTime();
        int exit =
                ProducerCommand.run(
                        "-i",
                        ProjectFiles.sampleCsv().toString(),
                        "-b",
                        bootstrap,
                        "-t",
                        topic,
                        "--limit",
                        "600",
                        "--speedup",
                        "60000",
                        "--progress",
                        "none");
        double seconds = (System.nanoTime() - started) / 1e9;

        // 599 data minutes after the first row at 60,000 x: 0.599 s; a loose upper bound
        assertThat(exit).isZero();
        assertThat(seconds).isBetween(0.59, 8.0);
        assertThat(TopicReader.endOffset(bootstrap, topic)).isEqualTo(600);
    }

    @Test
    void missingFileIsRefusedAndNothingIsSent(@TempDir Path folder) {
        assertRefusedWithNothingSent(folder.resolve("no-such.csv"));
    }

    @Test
    void emptyFileIsRefusedAndNothingIsSent(@TempDir Path folder) throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.csv"));
        assertRefusedWithNothingSent(empty);
    }

    @Test
    void wrongHeaderIsRefusedAndNothingIsSent(@TempDir Path folder) throws IOException {
        Path wrong = folder.resolve("wrong.csv");
        Files.writeString(wrong, "date,power\n2016-01-01,0.9\n");
        assertRefusedWithNothingSent(wrong);
    }

    @Test
    void unreadableInputIsRefusedAndNothingIsSent(@TempDir Path folder) throws IOException {
        // tests run as root, which reads any file whatever its mode: a folder and bytes that are
        // not text stand in for a file that cannot be read
        assertRefusedWithNothingSent(folder);
        Path binary = folder.resolve("binary.csv");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 1, 2, '\n'});
        assertRefusedWithNothingSent(binary);
    }

    @Test
    void unreachableBrokerIsAnOptionErrorOnlyAfterTheInputIsChecked(@TempDir Path folder) {
        int exit =
                ProducerCommand.run(
                        "-i",
                        folder.resolve("absent.csv").toString(),
                        "-b",
                        "127.0.0.1:1",
                        "--speedup",
                        "-5");

        assertThat(exit).isEqualTo(ProducerCommand.BAD_INPUT);
    }

    @Test
    void missingTopicFailsFastWithAMessageAndNothingIsSent() {
        long started = System.nanoTime();
        int exit =
                ProducerCommand.run(
                        "-i",
                        ProjectFiles.sampleCsv().toString(),
                        "-b",
                        bootstrap,
                        "-t",
                        "no-such-topic-" + namespace.id(),
                        "--progress",
                        "none");

        assertThat(exit).isEqualTo(ProducerCommand.SEND_FAILED);
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(60);
    }

    private void assertRefusedWithNothingSent(Path input) {
        String topic = namespace.topic("refused-" + REFUSALS.incrementAndGet());

        int exit =
                ProducerCommand.run(
                        "-i", input.toString(), "-b", bootstrap, "-t", topic, "--progress", "none");

        assertThat(exit).isEqualTo(ProducerCommand.BAD_INPUT);
        assertThat(TopicReader.endOffset(bootstrap, topic)).isZero();
    }
}
