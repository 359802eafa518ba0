package io.iothome.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The master of a Spark standalone cluster, from the jars of a {@link SparkHome}. */
public final class SparkMaster extends LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkMaster.class);
    private static final Pattern READY = Pattern.compile("New state: ALIVE");
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SparkHome home;
    private final SparkClusterSettings settings;
    private final long ownerPid;

    SparkMaster(Path directory, SparkHome home, SparkClusterSettings settings, long ownerPid) {
        super(directory, "master.log", Duration.ofSeconds(20));
        this.home = home;
        this.settings = settings;
        this.ownerPid = ownerPid;
    }

    public String url() {
        return settings.masterUrl();
    }

    public String uiUrl() {
        return "http://127.0.0.1:" + settings.masterUiPort();
    }

    @Override
    void launch() {
        Ports.requireFree("The Spark master", "RPC", settings.masterPort());
        Ports.requireFree("The Spark master", "web UI", settings.masterUiPort());
        process =
                home.daemon(
                        "Spark master",
                        logFile(),
                        ownerPid,
                        "org.apache.spark.deploy.master.Master",
                        List.of(
                                "--host",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(settings.masterPort()),
                                "--webui-port",
                                Integer.toString(settings.masterUiPort())));
        process.start(directory);
    }

    /** Waits for the master to elect itself, then for its status page. */
    @Override
    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        process.awaitLogLine(READY, timeout);
        String status = status();
        if (!status.contains("\"ALIVE\"")) {
            throw new IllegalStateException(
                    "the Spark master logged its start but its status is not ALIVE: " + status);
        }
        LOG.info(
                "Spark master ready on {} (UI {}) after {} ms",
                url(),
                uiUrl(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The master's state as JSON: workers, running and completed applications. */
    public String status() {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(uiUrl() + "/json/"))
                        .timeout(Duration.ofSeconds(10))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the Spark master's status page answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the Spark master's status page " + uiUrl() + "/json/ did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How many workers are registered and alive. */
    int aliveWorkers() {
        Matcher matcher = ALIVE_WORKERS.matcher(status());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
