package io.iothome.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single Cassandra 5.0 node on loopback, in its own JDK 17 JVM. */
public final class CassandraNode extends LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraNode.class);
    private static final Pattern READY = Pattern.compile("Starting listening for CQL clients");

    /** The JDK 17 module options of Cassandra 5.0's conf/jvm17-server.options (JPMS block). */
    private static final List<String> MODULE_OPTIONS =
            List.of(
                    "-Djdk.attach.allowAttachSelf=true",
                    "--add-exports",
                    "java.base/jdk.internal.misc=ALL-UNNAMED",
                    "--add-exports",
                    "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
                    "--add-exports",
                    "java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports",
                    "java.rmi/sun.rmi.server=ALL-UNNAMED",
                    "--add-exports",
                    "java.sql/java.sql=ALL-UNNAMED",
                    "--add-exports",
                    "java.base/java.lang.ref=ALL-UNNAMED",
                    "--add-exports",
                    "jdk.unsupported/sun.misc=ALL-UNNAMED",
                    "--add-exports",
                    "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports",
                    "jdk.attach/sun.tools.attach=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.lang.module=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/jdk.internal.loader=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/jdk.internal.ref=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/jdk.internal.reflect=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/jdk.internal.math=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/jdk.internal.module=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/jdk.internal.util.jar=ALL-UNNAMED",
                    "--add-opens",
                    "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.io=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens",
                    "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.util=ALL-UNNAMED",
                    "-Dio.netty.tryReflectionSetAccessible=true",
                    "-Dio.netty.allocator.useCacheForAllThreads=true",
                    "-Dio.netty.allocator.maxOrder=11");

    private final int port;
    private final int storagePort;
    private final int jmxPort;
    private final String heap;
    private final boolean fastStart;
    private final long ownerPid;

    /**
     * @param fastStart trade peak speed for start-up time (C1 compiler only): for tests
     */
    public CassandraNode(
            Path directory,
            int port,
            int storagePort,
            int jmxPort,
            String heap,
            boolean fastStart,
            long ownerPid) {
        super(directory, "cassandra.log", Duration.ofSeconds(45));
        this.port = port;
        this.storagePort = storagePort;
        this.jmxPort = jmxPort;
        this.heap = heap;
        this.fastStart = fastStart;
        this.ownerPid = ownerPid;
    }

    public int port() {
        return port;
    }

    @Override
    void launch() {
        Ports.requireFree("Cassandra", "CQL", port);
        Ports.requireFree("Cassandra", "storage", storagePort);
        Ports.requireFree("Cassandra", "JMX", jmxPort);
        Path yaml = writeConfiguration();

        List<String> jvm = new ArrayList<>();
        jvm.add("-Xms256m");
        jvm.add("-Xmx" + heap);
        jvm.add("-XX:+UseG1GC");
        jvm.add("-XX:+ParallelRefProcEnabled");
        jvm.add("-XX:MaxTenuringThreshold=1");
        jvm.add("-XX:MaxDirectMemorySize=256m");
        jvm.add("-XX:ReservedCodeCacheSize=96m");
        jvm.add("-Xss512k");
        if (fastStart) {
            jvm.add("-XX:TieredStopAtLevel=1");
            // no fsync of the system keyspaces: schema changes in milliseconds, not seconds.
            // Only for throw-away test data; a crash may lose the schema.
            jvm.add("-Dcassandra.unsafesystem=true");
        }
        jvm.addAll(MODULE_OPTIONS);
        jvm.add("-Dcassandra-foreground=yes");
        jvm.add("-Dcassandra.config=" + yaml.toUri());
        jvm.add("-Dcassandra.storagedir=" + directory);
        jvm.add("-Dcassandra.logdir=" + directory.resolve("logs"));
        jvm.add("-Dcassandra.jmx.local.port=" + jmxPort);
        jvm.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        jvm.add("-Dcassandra.ring_delay_ms=100");
        jvm.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
        jvm.add("-Djava.net.preferIPv4Stack=true");

        process =
                ServiceProcess.java(
                        "Cassandra",
                        directory.resolve("cassandra.log"),
                        ownerPid,
                        jvm,
                        ServerClasspath.of("cassandra"),
                        "org.apache.cassandra.service.CassandraDaemon",
                        List.of());
        process.start(directory);
    }

    @Override
    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        process.awaitLogLine(READY, timeout);
        try (CqlSession session = session()) {
            String version =
                    session.execute("SELECT release_version FROM system.local").one().getString(0);
            LOG.info(
                    "Cassandra {} ready on 127.0.0.1:{} after {} ms",
                    version,
                    port,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cassandra logged its start but did not answer CQL on 127.0.0.1:"
                            + port
                            + "; see "
                            + process.logFile(),
                    e);
        }
    }

    /**
     * A session with timeouts fit for a loaded 2-core machine: 30 s per request (schema changes
     * take seconds there, the driver's default is 2 s).
     */
    public CqlSession session() {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", port))
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(
                        DriverConfigLoader.programmaticBuilder()
                                .withDuration(
                                        DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                                .withDuration(
                                        DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT,
                                        Duration.ofSeconds(30))
                                .withDuration(
                                        DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT,
                                        Duration.ofSeconds(60))
                                .withDuration(
                                        DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT,
                                        Duration.ofSeconds(60))
                                .build())
                .build();
    }

    private Path writeConfiguration() {
        String yaml =
                String.join(
                        "\n",
                        "# written by local-stack; rewritten on every start",
                        "cluster_name: iothome-local",
                        "num_tokens: 1",
                        "initial_token: 0",
                        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                        "data_file_directories:",
                        "  - " + directory.resolve("data"),
                        "commitlog_directory: " + directory.resolve("commitlog"),
                        "saved_caches_directory: " + directory.resolve("saved_caches"),
                        "hints_directory: " + directory.resolve("hints"),
                        "cdc_raw_directory: " + directory.resolve("cdc_raw"),
                        "commitlog_sync: periodic",
                        "commitlog_sync_period: 10000ms",
                        "listen_address: 127.0.0.1",
                        "rpc_address: 127.0.0.1",
                        "native_transport_port: " + port,
                        "storage_port: " + storagePort,
                        "start_native_transport: true",
                        "seed_provider:",
                        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                        "    parameters:",
                        "      - seeds: \"127.0.0.1:" + storagePort + "\"",
                        "endpoint_snitch: SimpleSnitch",
                        "file_cache_size: 64MiB",
                        "key_cache_size: 16MiB",
                        "memtable_heap_space: 128MiB",
                        "memtable_offheap_space: 64MiB",
                        "concurrent_reads: 8",
                        "concurrent_writes: 16",
                        "concurrent_counter_writes: 8",
                        "write_request_timeout: 10000ms",
                        "read_request_timeout: 10000ms",
                        "range_request_timeout: 20000ms",
                        "request_timeout: 20000ms",
                        "batch_size_warn_threshold: 64KiB",
                        "batch_size_fail_threshold: 640KiB",
                        "");
        String logback =
                String.join(
                        "\n",
                        "<configuration>",
                        "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                        "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20}"
                                + " %msg%n</pattern></encoder>",
                        "  </appender>",
                        "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>",
                        "</configuration>",
                        "");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("cassandra.yaml");
            Files.writeString(file, yaml);
            Files.writeString(directory.resolve("logback.xml"), logback);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Cassandra's configuration", e);
        }
    }
}
