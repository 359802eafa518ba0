package io.iothome.stack;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code local-stack}: runs Kafka, Cassandra and the InfluxDB-write server until Ctrl-C. */
@Command(
        name = "local-stack",
        mixinStandardHelpOptions = true,
        version = "local-stack 0.1.0",
        sortOptions = false,
        description = {
            "Starts a Kafka broker (KRaft), a Cassandra 5.0 node and an InfluxDB-2-write-compatible"
                    + " server (QuestDB) as local processes (and with --spark-cluster a Spark"
                    + " standalone master and worker), creates the pipeline's topic, applies"
                    + " cassandra/schema.cql and creates the deduplicated measurement. Runs until"
                    + " Ctrl-C (or SIGTERM), then stops them all.",
            "Each option falls back to the environment variable named in its description."
        })
public final class LocalStackCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackCommand.class);

    @Option(
            names = "--work-dir",
            description =
                    "Folder for all data, logs and configuration (IOTHOME_STACK_DIR;"
                            + " default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_STACK_DIR:-.local-stack}")
    Path workDirectory;

    @Option(names = "--clean", description = "Delete the stack's stored data before starting.")
    boolean clean;

    @Option(
            names = "--kafka-port",
            description = "Kafka client port (IOTHOME_KAFKA_PORT; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_KAFKA_PORT:-9092}")
    int kafkaPort;

    @Option(
            names = "--kafka-controller-port",
            description =
                    "KRaft controller port (IOTHOME_KAFKA_CONTROLLER_PORT; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_KAFKA_CONTROLLER_PORT:-9093}")
    int kafkaControllerPort;

    @Option(
            names = "--cassandra-port",
            description = "Cassandra CQL port (IOTHOME_CASSANDRA_PORT; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_CASSANDRA_PORT:-9042}")
    int cassandraPort;

    @Option(
            names = "--cassandra-storage-port",
            description =
                    "Cassandra inter-node port (IOTHOME_CASSANDRA_STORAGE_PORT; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_CASSANDRA_STORAGE_PORT:-7000}")
    int cassandraStoragePort;

    @Option(
            names = "--cassandra-jmx-port",
            description =
                    "Cassandra JMX port (IOTHOME_CASSANDRA_JMX_PORT; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_CASSANDRA_JMX_PORT:-7199}")
    int cassandraJmxPort;

    @Option(
            names = "--influx-port",
            description =
                    "InfluxDB-write HTTP port (IOTHOME_INFLUX_PORT; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_INFLUX_PORT:-8086}")
    int influxPort;

    @Option(
            names = "--free-ports",
            description = "Ignore the port options and take free ports (for a second stack).")
    boolean freePorts;

    @Option(
            names = "--topic",
            description = "Kafka topic to create (IOTHOME_TOPIC; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_TOPIC:-" + StackSettings.DEFAULT_TOPIC + "}")
    String topic;

    @Option(
            names = "--partitions",
            description = "Partitions of the topic (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int partitions;

    @Option(
            names = "--measurement",
            description = "InfluxDB measurement to create (default: ${DEFAULT-VALUE}).",
            defaultValue = StackSettings.DEFAULT_MEASUREMENT)
    String measurement;

    @Option(
            names = "--kafka-heap",
            description = "Kafka heap (default: ${DEFAULT-VALUE}).",
            defaultValue = "512m")
    String kafkaHeap;

    @Option(
            names = "--cassandra-heap",
            description = "Cassandra heap (default: ${DEFAULT-VALUE}).",
            defaultValue = "640m")
    String cassandraHeap;

    @Option(
            names = "--questdb-heap",
            description = "InfluxDB-write server heap (default: ${DEFAULT-VALUE}).",
            defaultValue = "384m")
    String questDbHeap;

    @Option(
            names = "--fast-start",
            description = "Start quicker at some cost in peak speed (C1 compiler only).")
    boolean fastStart;

    @Option(
            names = "--spark-cluster",
            description =
                    "Also start a Spark standalone master and worker (from Spark's Maven jars), for"
                            + " bin/spark-submit.sh --master spark://127.0.0.1:<port>.")
    boolean sparkCluster;

    @Option(
            names = "--spark-master-port",
            description =
                    "Spark master port (IOTHOME_SPARK_MASTER_PORT; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_SPARK_MASTER_PORT:-7077}")
    int sparkMasterPort;

    @Option(
            names = "--spark-ui-port",
            description =
                    "Spark master web UI port; the worker's is the next one (default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "8081")
    int sparkUiPort;

    @Option(
            names = "--spark-worker-cores",
            description = "Cores the worker offers (default: twice the machine's).")
    Integer sparkWorkerCores;

    @Option(
            names = "--spark-worker-memory",
            description = "Memory the worker offers to executors (default: ${DEFAULT-VALUE}).",
            defaultValue = "4g")
    String sparkWorkerMemory;

    @Option(
            names = "--owner-pid",
            description = "Also stop when this process ends (used by tools that start the stack).",
            defaultValue = "-1")
    long ownerPid;

    @Override
    public Integer call() throws InterruptedException {
        long owner = ownerPid > 0 ? ownerPid : ProcessHandle.current().pid();
        StackSettings settings =
                new StackSettings(
                        workDirectory,
                        kafkaPort,
                        kafkaControllerPort,
                        cassandraPort,
                        cassandraStoragePort,
                        cassandraJmxPort,
                        influxPort,
                        topic,
                        partitions,
                        measurement,
                        kafkaHeap,
                        cassandraHeap,
                        questDbHeap,
                        fastStart,
                        owner,
                        sparkCluster ? sparkCluster() : null);
        if (freePorts) {
            settings = settings.withFreePorts();
        }

        LocalStack stack = LocalStack.start(settings, clean);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("Stopping the local stack");
                                    stack.close();
                                    stop.countDown();
                                },
                                "local-stack-stop"));
        if (owner != ProcessHandle.current().pid()) {
            ProcessHandle.of(owner)
                    .ifPresentOrElse(
                            handle -> handle.onExit().thenRun(() -> System.exit(0)),
                            () -> System.exit(0));
        }

        StackEndpoints endpoints = stack.endpoints();
        System.out.printf(
                "%nLocal stack running (Ctrl-C stops it). Working folder: %s%n  Kafka bootstrap"
                    + " servers : %s (topic %s)%n  Cassandra CQL           : %s:%d (keyspaces"
                    + " streaming, my_batch)%n  InfluxDB write API      : %s/api/v2/write"
                    + " (measurement %s)%n  Query the stored points :"
                    + " %s/exec?query=SELECT%%20count()%%20FROM%%20%s%n  Logs                    :"
                    + " %s%n  Endpoints for tools     : %s%n%n",
                stack.workDirectory(),
                endpoints.kafkaBootstrapServers(),
                endpoints.topic(),
                endpoints.cassandraHost(),
                endpoints.cassandraPort(),
                endpoints.influxUrl(),
                endpoints.measurement(),
                endpoints.influxUrl(),
                endpoints.measurement(),
                stack.logFiles(),
                stack.workDirectory().resolve(StackEndpoints.FILE_NAME));
        if (endpoints.hasSparkCluster()) {
            System.out.printf(
                    "  Spark master            : %s (UI %s); submit with bin/spark-submit.sh"
                            + " --master %s%n%n",
                    endpoints.sparkMasterUrl(),
                    endpoints.sparkMasterUi(),
                    endpoints.sparkMasterUrl());
        }
        stop.await();
        return 0;
    }

    private SparkClusterSettings sparkCluster() {
        SparkClusterSettings defaults = SparkClusterSettings.defaults();
        return new SparkClusterSettings(
                sparkMasterPort,
                sparkUiPort,
                sparkUiPort + 1,
                sparkWorkerCores != null ? sparkWorkerCores : defaults.workerCores(),
                sparkWorkerMemory);
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new LocalStackCommand());
        command.setExecutionExceptionHandler(
                (exception, line, parsed) -> {
                    LOG.error("{}", exception.getMessage());
                    LOG.debug("cause", exception);
                    return 1;
                });
        int code = command.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
