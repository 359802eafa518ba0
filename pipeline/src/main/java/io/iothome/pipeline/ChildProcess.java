package io.iothome.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the pipeline run as its own process, its output in a log file. Stopping sends SIGTERM
 * (the jobs stop cleanly on it), then kills whatever is left after a grace period.
 */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(
            String name, List<String> command, Map<String, String> environment, Path logFolder) {
        Path log = logFolder.resolve(name + ".log");
        try {
            Files.createDirectories(logFolder);
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            LOG.info("{} started as process {} (log: {})", name, process.pid(), log);
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new PipelineException("could not start " + name + ": " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; a non-zero exit is a failed step. */
    void awaitSuccess(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new PipelineException(
                    name + " did not finish within " + timeout.toMinutes() + " min; log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new PipelineException(
                    name
                            + " failed with exit code "
                            + process.exitValue()
                            + "; log: "
                            + log
                            + "\n"
                            + tail());
        }
    }

    /** Fails the run when a process that should keep running has ended. */
    void checkRunning() {
        if (!process.isAlive()) {
            throw new PipelineException(
                    name
                            + " stopped (exit code "
                            + process.exitValue()
                            + "); log: "
                            + log
                            + "\n"
                            + tail());
        }
    }

    /** SIGTERM, a grace period, then SIGKILL for the process and anything it started. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within {} s: killing it", name, GRACE.toSeconds());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("{} stopped", name);
    }

    /** The last lines of the log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }
}
