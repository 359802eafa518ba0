package io.iothome.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker of a Spark standalone cluster: it starts each application's executors as JVMs on the
 * home's {@code jars/}, and stops them when it stops.
 */
public final class SparkWorker extends LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkWorker.class);
    private static final Pattern READY = Pattern.compile("Successfully registered with master");

    private final SparkHome home;
    private final SparkClusterSettings settings;
    private final SparkMaster master;
    private final long ownerPid;

    SparkWorker(
            Path directory,
            SparkHome home,
            SparkClusterSettings settings,
            SparkMaster master,
            long ownerPid) {
        // on SIGTERM the worker kills its executors before it ends
        super(directory, "worker.log", Duration.ofSeconds(30));
        this.home = home;
        this.settings = settings;
        this.master = master;
        this.ownerPid = ownerPid;
    }

    @Override
    void launch() {
        Ports.requireFree("The Spark worker", "web UI", settings.workerUiPort());
        process =
                home.daemon(
                        "Spark worker",
                        logFile(),
                        ownerPid,
                        "org.apache.spark.deploy.worker.Worker",
                        List.of(
                                "--host",
                                "127.0.0.1",
                                "--cores",
                                Integer.toString(settings.workerCores()),
                                "--memory",
                                settings.workerMemory(),
                                "--webui-port",
                                Integer.toString(settings.workerUiPort()),
                                "--work-dir",
                                directory.resolve("work").toString(),
                                master.url()));
        process.start(directory);
    }

    /** Waits for the worker's registration, then for the master to count it. */
    @Override
    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        process.awaitLogLine(READY, timeout);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (master.aliveWorkers() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the Spark worker registered but the master lists no alive worker: "
                                + master.status());
            }
            ServiceProcess.sleep(200);
        }
        LOG.info(
                "Spark worker ready ({} cores, {}) after {} ms",
                settings.workerCores(),
                settings.workerMemory(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
