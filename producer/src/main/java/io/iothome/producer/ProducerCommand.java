package io.iothome.producer;

import io.iothome.model.EventTimePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code producer}: replays a HomeC-format CSV into Kafka, one record per data line. */
@Command(
        name = "producer",
        mixinStandardHelpOptions = true,
        version = "producer 0.1.0",
        sortOptions = false,
        description = {
            "Publishes every data line of a HomeC-format CSV, in file order, to a Kafka topic:"
                    + " the value is the line exactly as written, the key the house id (one house,"
                    + " one partition, order kept). The header is checked and skipped; lines are"
                    + " not judged here (the jobs clean and reject).",
            "Exit codes: 0 done, 1 a send finally failed (the message says the --from-line to"
                    + " resume with), 2 bad input or options.",
            "Each option falls back to the environment variable in its description."
        })
public final class ProducerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerCommand.class);

    /** Exit code for a send that finally failed. */
    static final int SEND_FAILED = 1;

    /** Exit code for input or options the producer refuses. */
    static final int BAD_INPUT = 2;

    @Option(
            names = {"-i", "--input"},
            description =
                    "HomeC-format CSV to replay (IOTHOME_INPUT; default: data/HomeC.csv if"
                            + " it exists, else data/HomeC-generated.csv).",
            defaultValue = "${env:IOTHOME_INPUT}")
    Path input;

    @Option(
            names = {"-b", "--bootstrap-servers"},
            description =
                    "Kafka bootstrap servers (IOTHOME_KAFKA_BOOTSTRAP; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_KAFKA_BOOTSTRAP:-127.0.0.1:9092}")
    String bootstrapServers;

    @Option(
            names = {"-t", "--topic"},
            description = "Topic to publish to (IOTHOME_TOPIC; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_TOPIC:-iothome-readings}")
    String topic;

    @Option(
            names = "--house-id",
            description =
                    "House id: the message key, so one house's readings stay in order in"
                            + " one partition (IOTHOME_HOUSE_ID; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_HOUSE_ID:-home-c}")
    String houseId;

    static final class PacingChoice {
        @Option(
                names = "--speedup",
                description =
                        "Replay in real time scaled by this factor, paced on the rows' event times"
                                + " (600: one data minute every 0.1 s). IOTHOME_SPEEDUP.",
                defaultValue = "${env:IOTHOME_SPEEDUP}")
        Double speedup;

        @Option(
                names = "--rate",
                description = "Send at a fixed rate, records per second. IOTHOME_RATE.",
                defaultValue = "${env:IOTHOME_RATE}")
        Double rate;
    }

    @ArgGroup(
            exclusive = true,
            multiplicity = "0..1",
            heading = "Pacing (default: as fast as" + " possible):%n")
    PacingChoice pacing;

    @Option(
            names = "--event-time",
            description =
                    "How the time column maps to event time, for --speedup: homec (1 per"
                            + " row = 1 minute), unix, or ORIGIN:STEP (IOTHOME_EVENT_TIME; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_EVENT_TIME:-homec}")
    String eventTime;

    @Option(
            names = {"-n", "--limit"},
            description = "Send at most this many lines (IOTHOME_LIMIT; default: all).",
            defaultValue = "${env:IOTHOME_LIMIT}")
    Long limit;

    @Option(
            names = "--from-line",
            description =
                    "Start at this data line (1 = the first line after the header), to"
                            + " resume an interrupted replay (IOTHOME_FROM_LINE; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_FROM_LINE:-1}")
    long fromLine;

    @Option(
            names = "--loop",
            description = "Start over at the end of the file, until stopped (IOTHOME_LOOP).",
            defaultValue = "${env:IOTHOME_LOOP:-false}")
    boolean loop;

    @Option(
            names = "--progress",
            description =
                    "auto (a bar on a terminal, log lines otherwise), bar, log or none"
                            + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_PROGRESS:-auto}")
    String progress;

    private volatile boolean stopRequested;
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        try {
            return replay();
        } finally {
            finished.countDown();
        }
    }

    private int replay() {
        // step 1: check everything that can be checked before a connection
        Path file = input != null ? input : defaultInput();
        Pacing pace;
        try {
            pace = pacing();
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return BAD_INPUT;
        }
        if (fromLine < 1 || (limit != null && limit < 0)) {
            LOG.error("--from-line must be 1 or more and --limit 0 or more");
            return BAD_INPUT;
        }
        long total;
        ReplayFile replay;
        try {
            replay = ReplayFile.open(file);
            total = ReplayFile.countDataLines(file);
        } catch (ReplayFile.BadInputException e) {
            LOG.error("{}; nothing sent", e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            LOG.error("cannot read {}: {}; nothing sent", file, e.getMessage());
            return BAD_INPUT;
        }
        long toSend = Math.max(0, total - (fromLine - 1));
        if (limit != null && !loop) {
            toSend = Math.min(toSend, limit);
        }
        LOG.info(
                "Replaying {} ({} data lines; sending {} from line {}) to topic {} on {}, key {},"
                        + " {}",
                file,
                total,
                loop ? "in a loop" : toSend,
                fromLine,
                topic,
                bootstrapServers,
                houseId,
                pace.describe());

        // step 2: send, line by line, until the end, the limit, a failure or a stop; the clock
        // starts once the producer is connected and the resume point reached
        long started = System.nanoTime();
        long read = 0;
        long lastLine = fromLine - 1;
        try (ReadingPublisher publisher = new ReadingPublisher(bootstrapServers, topic, houseId);
                Progress bar = progress(toSend)) {
            try {
                publisher.connect();
                skipTo(replay, fromLine);
                started = System.nanoTime();
                while (!stopRequested && !publisher.hasFailed()) {
                    if (limit != null && read >= limit) {
                        break;
                    }
                    byte[] line = replay.next();
                    if (line == null) {
                        if (!loop || replay.lineNumber() == 0) {
                            break;
                        }
                        replay.close();
                        replay = ReplayFile.open(file);
                        continue;
                    }
                    read++;
                    pace.awaitTurn(line);
                    publisher.send(replay.lineNumber(), line);
                    lastLine = replay.lineNumber();
                    bar.step();
                }
            } finally {
                replay.close();
                publisher.flush();
            }

            // step 3: the summary, and where to resume if anything failed
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info(
                    "Summary: {} lines read, {} sent, {} acknowledged, {} failed in {} s ({}"
                            + " rows/s); last line sent: {}",
                    read,
                    publisher.sent(),
                    publisher.acknowledged(),
                    publisher.failed(),
                    String.format("%.1f", seconds),
                    Math.round(publisher.acknowledged() / Math.max(seconds, 1e-9)),
                    lastLine);
            if (publisher.hasFailed()) {
                long resume = publisher.firstFailedLine();
                LOG.error(
                        "Kafka refused line {} for good ({}). Every line before it is in the"
                                + " topic. Resume with: --from-line {}",
                        resume,
                        publisher.firstFailure().toString(),
                        resume);
                if (publisher.highestAcknowledgedLine() > resume) {
                    LOG.error(
                            "Lines after {} (up to {}) were acknowledged too: resuming from {}"
                                    + " sends those again",
                            resume,
                            publisher.highestAcknowledgedLine(),
                            resume);
                }
                return SEND_FAILED;
            }
            if (stopRequested) {
                LOG.warn(
                        "Stopped before the end: every line up to {} is in the topic. Resume with:"
                                + " --from-line {}",
                        lastLine,
                        lastLine + 1);
            }
            return 0;
        } catch (ReplayFile.BadInputException | IOException e) {
            LOG.error("reading {} failed at line {}: {}", file, lastLine + 1, e.getMessage());
            return BAD_INPUT;
        } catch (IllegalStateException e) {
            LOG.error("{}; nothing sent", e.getMessage());
            return SEND_FAILED;
        }
    }

    private void skipTo(ReplayFile replay, long line) throws IOException {
        while (replay.lineNumber() < line - 1) {
            if (replay.next() == null) {
                return;
            }
        }
    }

    private Pacing pacing() {
        if (pacing != null && pacing.speedup != null) {
            if (pacing.speedup <= 0) {
                throw new IllegalArgumentException("--speedup must be positive");
            }
            return Pacing.realTime(pacing.speedup, EventTimePolicy.parse(eventTime));
        }
        if (pacing != null && pacing.rate != null) {
            if (pacing.rate <= 0) {
                throw new IllegalArgumentException("--rate must be positive");
            }
            return Pacing.fixedRate(pacing.rate);
        }
        return Pacing.asFastAsPossible();
    }

    private Progress progress(long total) {
        return switch (progress) {
            case "bar" -> Progress.bar(total);
            case "log" -> Progress.log(LOG, total, 10_000);
            case "none" -> Progress.none();
            default ->
                    System.console() != null
                            ? Progress.bar(total)
                            : Progress.log(LOG, total, 10_000);
        };
    }

    private static Path defaultInput() {
        Path real = Path.of("data", "HomeC.csv");
        return Files.exists(real) ? real : Path.of("data", "HomeC-generated.csv");
    }

    /** Ctrl-C: stop sending, let the sent lines be acknowledged, print where to resume. */
    private void stopAndWait() {
        stopRequested = true;
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        ProducerCommand producer = new ProducerCommand();
        Runtime.getRuntime().addShutdownHook(new Thread(producer::stopAndWait, "producer-stop"));
        System.exit(run(producer, args));
    }

    /** Runs the command and returns its exit code (for tests). */
    static int run(String... args) {
        return run(new ProducerCommand(), args);
    }

    private static int run(ProducerCommand producer, String... args) {
        CommandLine command = new CommandLine(producer);
        command.setParameterExceptionHandler(
                (exception, arguments) -> {
                    LOG.error("{} (see --help)", exception.getMessage());
                    return BAD_INPUT;
                });
        return command.execute(args);
    }
}
