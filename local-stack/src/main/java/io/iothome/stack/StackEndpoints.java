package io.iothome.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running stack answers, written to {@code stack.properties} in its working folder so other
 * processes (tests in later modules, the pipeline's jobs, people) can find it.
 *
 * @param kafkaBootstrapServers the broker, host:port
 * @param cassandraHost the CQL host
 * @param cassandraPort the CQL port
 * @param influxUrl the InfluxDB-write URL
 * @param topic the pipeline's topic
 * @param measurement the InfluxDB measurement
 * @param ownerPid the process whose end stops the servers
 * @param serverPids the servers' processes
 * @param sparkMasterUrl the Spark standalone master applications are submitted to, or "" for none
 * @param sparkMasterUi the master's web UI (its JSON status at {@code /json/}), or "" for none
 */
public record StackEndpoints(
        String kafkaBootstrapServers,
        String cassandraHost,
        int cassandraPort,
        String influxUrl,
        String topic,
        String measurement,
        long ownerPid,
        List<Long> serverPids,
        String sparkMasterUrl,
        String sparkMasterUi) {

    public static final String FILE_NAME = "stack.properties";

    /** Whether a Spark standalone cluster runs beside the stack. */
    public boolean hasSparkCluster() {
        return !sparkMasterUrl.isEmpty();
    }

    /** Whether every server process of this stack is still running. */
    public boolean serversAlive() {
        return serverPids.stream()
                .allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    void save(Path workDirectory) {
        Properties properties = new Properties();
        properties.setProperty("kafka.bootstrap.servers", kafkaBootstrapServers);
        properties.setProperty("cassandra.host", cassandraHost);
        properties.setProperty("cassandra.port", Integer.toString(cassandraPort));
        properties.setProperty("influx.url", influxUrl);
        properties.setProperty("kafka.topic", topic);
        properties.setProperty("influx.measurement", measurement);
        properties.setProperty("owner.pid", Long.toString(ownerPid));
        properties.setProperty(
                "server.pids", String.join(",", serverPids.stream().map(String::valueOf).toList()));
        properties.setProperty("spark.master.url", sparkMasterUrl);
        properties.setProperty("spark.master.ui", sparkMasterUi);
        Path file = workDirectory.resolve(FILE_NAME);
        Path partial = workDirectory.resolve(FILE_NAME + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(out, "a running local stack; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoints saved in {@code workDirectory}, if a stack wrote them. */
    public static Optional<StackEndpoints> load(Path workDirectory) {
        Path file = workDirectory.resolve(FILE_NAME);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(
                    new StackEndpoints(
                            properties.getProperty("kafka.bootstrap.servers"),
                            properties.getProperty("cassandra.host"),
                            Integer.parseInt(properties.getProperty("cassandra.port")),
                            properties.getProperty("influx.url"),
                            properties.getProperty("kafka.topic"),
                            properties.getProperty("influx.measurement"),
                            Long.parseLong(properties.getProperty("owner.pid")),
                            Arrays.stream(properties.getProperty("server.pids").split(","))
                                    .map(Long::parseLong)
                                    .toList(),
                            properties.getProperty("spark.master.url", ""),
                            properties.getProperty("spark.master.ui", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
