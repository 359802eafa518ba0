package io.iothome.stack;

/**
 * A Spark standalone cluster beside the stack: one master and one worker on loopback.
 *
 * @param masterPort the master's RPC port, where spark-submit sends applications (7077)
 * @param masterUiPort the master's web UI and JSON status (8081: 8080 is the dashboard's)
 * @param workerUiPort the worker's web UI (8082)
 * @param workerCores the cores the worker offers to applications
 * @param workerMemory the memory the worker offers to executors, as Spark writes it ("4g")
 */
public record SparkClusterSettings(
        int masterPort, int masterUiPort, int workerUiPort, int workerCores, String workerMemory) {

    /**
     * The usual ports; twice the machine's cores, so that the streaming job and a batch job running
     * together each get as many task slots as local[*] would give them; memory for two executors of
     * 2 GB.
     */
    public static SparkClusterSettings defaults() {
        return new SparkClusterSettings(
                7077, 8081, 8082, 2 * Runtime.getRuntime().availableProcessors(), "4g");
    }

    /** The URL applications are submitted to. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    SparkClusterSettings withFreePorts() {
        return new SparkClusterSettings(
                Ports.free(), Ports.free(), Ports.free(), workerCores, workerMemory);
    }
}
