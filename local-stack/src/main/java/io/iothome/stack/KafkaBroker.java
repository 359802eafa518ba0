package io.iothome.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node Kafka 4 broker in KRaft mode (broker and controller in one JVM). */
public final class KafkaBroker extends LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Pattern READY = Pattern.compile("Kafka Server started");

    private final int port;
    private final int controllerPort;
    private final String heap;
    private final long ownerPid;

    public KafkaBroker(Path directory, int port, int controllerPort, String heap, long ownerPid) {
        super(directory, "kafka.log", Duration.ofSeconds(30));
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.ownerPid = ownerPid;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Writes the configuration, formats the storage on first start and starts the JVM. */
    @Override
    void launch() {
        Ports.requireFree("Kafka", "broker", port);
        Ports.requireFree("Kafka", "controller", controllerPort);
        Path config = writeConfiguration();
        String classpath = ServerClasspath.of("kafka");
        List<String> jvm = jvmOptions();

        // KRaft storage is formatted once, before the first start
        if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            format(classpath, jvm, config);
        }
        process =
                ServiceProcess.java(
                        "Kafka",
                        directory.resolve("kafka.log"),
                        ownerPid,
                        jvm,
                        classpath,
                        "kafka.Kafka",
                        List.of(config.toString()));
        process.start(directory);
    }

    /** Waits for the log line, then for an admin round trip. */
    @Override
    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        process.awaitLogLine(READY, timeout);
        try (Admin admin = admin()) {
            String cluster = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            LOG.info(
                    "Kafka ready on {} (cluster {}) after {} ms",
                    bootstrapServers(),
                    cluster,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Kafka logged its start but did not answer on "
                            + bootstrapServers()
                            + "; see "
                            + process.logFile(),
                    e);
        }
    }

    /** Creates {@code topic} unless it exists. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
            LOG.info("Kafka topic {} created with {} partition(s)", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic, e.getCause());
            }
            LOG.info("Kafka topic {} already exists", topic);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + topic, e);
        }
    }

    public Admin admin() {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }

    private List<String> jvmOptions() {
        return List.of(
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"));
    }

    private void format(String classpath, List<String> jvm, Path config) {
        String clusterId = randomClusterId();
        ServiceProcess formatter =
                ServiceProcess.java(
                        "Kafka storage format",
                        directory.resolve("kafka-format.log"),
                        ProcessHandle.current().pid(),
                        jvm,
                        classpath,
                        "kafka.tools.StorageTool",
                        List.of("format", "--cluster-id=" + clusterId, "--config=" + config));
        formatter.start(directory);
        formatter.awaitLogLine(
                Pattern.compile("Formatting|already formatted"), Duration.ofMinutes(2));
        waitForExit(formatter);
        LOG.info("Kafka storage formatted (cluster id {})", clusterId);
    }

    private static void waitForExit(ServiceProcess formatter) {
        for (int i = 0; i < 600 && formatter.isAlive(); i++) {
            ServiceProcess.sleep(100);
        }
        if (formatter.isAlive()) {
            formatter.kill();
            throw new IllegalStateException(
                    "Kafka storage format did not finish; see " + formatter.logFile());
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, base64url without padding, and (as Kafka's own generator
     * does) never starting with '-', which a command line would take for an option.
     */
    private static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private Path writeConfiguration() {
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "1");
        server.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        server.setProperty(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        server.setProperty(
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("log.dirs", directory.resolve("data").toString());
        server.setProperty("num.partitions", "1");
        // topics are created on purpose: a typo in a topic name fails instead of creating one
        server.setProperty("auto.create.topics.enable", "false");
        // the topic is the master data set's replay source: keep every record
        server.setProperty("log.retention.hours", "-1");
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        server.setProperty("num.network.threads", "2");
        server.setProperty("num.io.threads", "4");

        String logging =
                String.join(
                        "\n",
                        "status = warn",
                        "appender.out.type = Console",
                        "appender.out.name = OUT",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.out.ref = OUT",
                        "logger.state.name = state.change.logger",
                        "logger.state.level = WARN",
                        "logger.request.name = kafka.request.logger",
                        "logger.request.level = WARN",
                        "");
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                server.store(out, "written by local-stack; rewritten on every start");
            }
            Files.writeString(directory.resolve("log4j2.properties"), logging);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Kafka's configuration", e);
        }
    }
}
