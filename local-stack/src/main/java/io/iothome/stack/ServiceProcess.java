package io.iothome.stack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server JVM started by the stack: its command line, its log file, its readiness and its stop.
 * The server runs under {@link ParentWatchdog}, so it ends when its owner ends.
 */
final class ServiceProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);

    private final String name;
    private final Path logFile;
    private final List<String> command;
    private Map<String, String> environment = Map.of();
    private Process process;

    private ServiceProcess(String name, Path logFile, List<String> command) {
        this.name = name;
        this.logFile = logFile;
        this.command = command;
    }

    /**
     * A JVM that runs {@code mainClass} on {@code classpath} (plus the stack's own code, for the
     * watchdog), owned by process {@code ownerPid}.
     */
    static ServiceProcess java(
            String name,
            Path logFile,
            long ownerPid,
            List<String> jvmOptions,
            String classpath,
            String mainClass,
            List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.java17().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath + File.pathSeparator + ServerClasspath.ownCode());
        command.add(ParentWatchdog.class.getName());
        command.add(Long.toString(ownerPid));
        command.add(mainClass);
        command.addAll(arguments);
        return new ServiceProcess(name, logFile, command);
    }

    /** Variables set for the process on top of the stack's own environment. */
    ServiceProcess withEnvironment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** Starts the process, its output appended to the log file. */
    void start(Path workingDirectory) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    "---- starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(workingDirectory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        LOG.info("{} started as process {} (log: {})", name, process.pid(), logFile);
    }

    /**
     * Waits until the log shows {@code ready} (after the start position of this run), the process
     * dies, or the time is up; the last two end with an error naming the service and its log.
     */
    void awaitLogLine(Pattern ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long position = startOfThisRun();
        StringBuilder seen = new StringBuilder();
        while (true) {
            position = readFrom(position, seen);
            if (ready.matcher(seen).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name
                                + " exited with code "
                                + process.exitValue()
                                + " during start-up; its log is "
                                + logFile
                                + ". Last lines:\n"
                                + tail(25));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        name
                                + " was not ready after "
                                + timeout.toSeconds()
                                + " s (waiting for /"
                                + ready.pattern()
                                + "/ in its log); see "
                                + logFile
                                + ". Last lines:\n"
                                + tail(25));
            }
            sleep(200);
        }
    }

    /** The position in the log file where this run's marker line starts. */
    private long startOfThisRun() {
        try {
            String text = Files.readString(logFile, StandardCharsets.ISO_8859_1);
            int marker = text.lastIndexOf("---- starting " + name);
            return Math.max(0, marker);
        } catch (IOException e) {
            return 0;
        }
    }

    private long readFrom(long position, StringBuilder seen) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= position) {
                return position;
            }
            byte[] bytes = new byte[(int) Math.min(length - position, 4 << 20)];
            file.seek(position);
            file.readFully(bytes);
            seen.append(new String(bytes, StandardCharsets.UTF_8));
            return position + bytes.length;
        } catch (IOException e) {
            return position;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM, then SIGKILL if the server has not ended after {@code grace}. */
    void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "{} did not stop within {} s of SIGTERM: killing it",
                        name,
                        grace.toSeconds());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("{} stopped in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }

    /** SIGKILL at once: for tests of crash recovery. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
