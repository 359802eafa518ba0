package io.iothome.stack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A server the stack runs as a child JVM: started, readied on real signals, stopped (SIGTERM, then
 * SIGKILL after a grace period), killed for crash tests, restarted on the same data.
 */
abstract class LocalServer {

    protected final Path directory;
    private final String logName;
    private final Duration stopGrace;
    protected ServiceProcess process;

    LocalServer(Path directory, String logName, Duration stopGrace) {
        this.directory = directory.toAbsolutePath();
        this.logName = logName;
        this.stopGrace = stopGrace;
    }

    /** Writes the configuration and starts the JVM, without waiting. */
    abstract void launch();

    /** Waits for the log line, then for a client round trip. */
    abstract void awaitReady(Duration timeout);

    /** Starts the server and waits until it answers (for a server used on its own). */
    public void start(Duration timeout) {
        launch();
        awaitReady(timeout);
    }

    /** SIGTERM, then SIGKILL if the server has not ended after the grace period. */
    public void stop() {
        if (process != null) {
            process.stop(stopGrace);
        }
    }

    /** SIGKILL at once, for crash tests. */
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** Stops the server and starts it again on the same data and ports, then waits for it. */
    public void restart(Duration timeout) {
        stop();
        start(timeout);
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return directory.resolve(logName);
    }
}
