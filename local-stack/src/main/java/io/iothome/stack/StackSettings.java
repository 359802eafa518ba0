package io.iothome.stack;

import java.nio.file.Path;

/**
 * Where the stack keeps its data and which ports and heaps its servers use. Defaults are the
 * services' usual ports, so tools and jobs find them without configuration.
 *
 * @param workDirectory one folder for every server's data, logs and configuration
 * @param kafkaPort the broker's client port (9092)
 * @param kafkaControllerPort the KRaft controller's port (9093)
 * @param cassandraPort the CQL port (9042)
 * @param cassandraStoragePort the inter-node port (7000)
 * @param cassandraJmxPort the JMX port (7199)
 * @param influxPort the InfluxDB-write HTTP port (8086)
 * @param topic the pipeline's Kafka topic, created on start
 * @param topicPartitions its partition count
 * @param measurement the InfluxDB measurement, created with deduplication on start
 * @param kafkaHeap the broker's heap
 * @param cassandraHeap the node's heap
 * @param questDbHeap the InfluxDB-write server's heap
 * @param fastStart start quicker at some cost in peak speed (tests)
 * @param ownerPid the process whose end stops the servers
 * @param sparkCluster a Spark standalone master and worker to start too, or null for none
 */
public record StackSettings(
        Path workDirectory,
        int kafkaPort,
        int kafkaControllerPort,
        int cassandraPort,
        int cassandraStoragePort,
        int cassandraJmxPort,
        int influxPort,
        String topic,
        int topicPartitions,
        String measurement,
        String kafkaHeap,
        String cassandraHeap,
        String questDbHeap,
        boolean fastStart,
        long ownerPid,
        SparkClusterSettings sparkCluster) {

    public static final String DEFAULT_TOPIC = "iothome-readings";
    public static final String DEFAULT_MEASUREMENT = "iothome_data";

    /** The defaults: usual ports, {@code .local-stack/} in the working directory. */
    public static StackSettings defaults() {
        return defaultsIn(Path.of(".local-stack"));
    }

    /** The usual ports and sizes, in the given working folder. */
    public static StackSettings defaultsIn(Path workDirectory) {
        return defaultsIn(workDirectory, null);
    }

    /** The usual ports and sizes, in the given working folder, with a Spark cluster or not. */
    public static StackSettings defaultsIn(Path workDirectory, SparkClusterSettings sparkCluster) {
        return new StackSettings(
                workDirectory,
                9092,
                9093,
                9042,
                7000,
                7199,
                8086,
                DEFAULT_TOPIC,
                1,
                DEFAULT_MEASUREMENT,
                "512m",
                "640m",
                "384m",
                false,
                ProcessHandle.current().pid(),
                sparkCluster);
    }

    /** Every port taken afresh from the free ones: for test stacks beside a running one. */
    public StackSettings withFreePorts() {
        return new StackSettings(
                workDirectory,
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                topic,
                topicPartitions,
                measurement,
                kafkaHeap,
                cassandraHeap,
                questDbHeap,
                fastStart,
                ownerPid,
                sparkCluster == null ? null : sparkCluster.withFreePorts());
    }
}
