package io.iothome.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that accepts the InfluxDB 2 write API ({@code POST /api/v2/write}, line protocol), so
 * the streaming job's InfluxDB writer has a real peer without InfluxDB 2: QuestDB, in its own JVM.
 * A measurement becomes a table, fields become columns, and reads go through its SQL over HTTP.
 * Tokens, org and bucket are accepted and ignored.
 */
public final class InfluxWriteServer extends LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxWriteServer.class);
    private static final Pattern READY = Pattern.compile("server-main enjoy");

    private final int port;
    private final String heap;
    private final long ownerPid;

    public InfluxWriteServer(Path directory, int port, String heap, long ownerPid) {
        super(directory, "questdb.log", Duration.ofSeconds(30));
        this.port = port;
        this.heap = heap;
        this.ownerPid = ownerPid;
    }

    /** The URL an InfluxDB client writes to. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    void launch() {
        Ports.requireFree("The InfluxDB-write server (QuestDB)", "HTTP", port);
        writeConfiguration();
        process =
                ServiceProcess.java(
                        "QuestDB",
                        directory.resolve("questdb.log"),
                        ownerPid,
                        List.of("-Xms128m", "-Xmx" + heap, "-XX:+UseG1GC"),
                        ServerClasspath.of("questdb"),
                        "io.questdb.ServerMain",
                        List.of("-d", directory.toString()));
        process.start(directory);
    }

    @Override
    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        process.awaitLogLine(READY, timeout);
        List<String[]> answer = client().query("SELECT 1 AS one");
        if (answer.size() != 2) {
            throw new IllegalStateException("QuestDB answered " + answer + " to SELECT 1");
        }
        LOG.info(
                "InfluxDB-write server (QuestDB) ready on {} after {} ms",
                url(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A client for the server's SQL over HTTP. */
    public QuestDbClient client() {
        return new QuestDbClient(url());
    }

    /** See {@link QuestDbClient#createMeasurement}. */
    public void createMeasurement(String measurement) {
        client().createMeasurement(measurement);
    }

    private void writeConfiguration() {
        String config =
                String.join(
                        "\n",
                        "# written by local-stack; rewritten on every start",
                        "http.bind.to=127.0.0.1:" + port,
                        "http.min.enabled=false",
                        "pg.enabled=false",
                        "line.tcp.enabled=false",
                        "line.udp.enabled=false",
                        "telemetry.enabled=false",
                        "shared.worker.count=2",
                        "");
        try {
            Files.createDirectories(directory.resolve("conf"));
            Files.writeString(directory.resolve("conf").resolve("server.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write QuestDB's configuration", e);
        }
    }
}
