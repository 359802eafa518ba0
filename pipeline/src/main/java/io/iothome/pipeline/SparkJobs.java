package io.iothome.pipeline;

import io.iothome.stack.SparkClusterSettings;
import io.iothome.stack.StackEndpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a Spark job of the run: in local mode, the module's main on its full
 * classpath (bin/run-module.sh); on the stack's standalone cluster, the job's jar handed to
 * bin/spark-submit.sh, as on any Spark cluster.
 */
final class SparkJobs {

    /** Every executor's heap: two fit the worker's default 4 GB, as local mode's -Xmx2g does. */
    private static final String EXECUTOR_MEMORY = "2g";

    private final Path root;
    private final StackEndpoints endpoints;
    private final SparkClusterSettings cluster;

    /**
     * @param cluster the stack's standalone cluster, or null for local mode
     */
    SparkJobs(Path root, StackEndpoints endpoints, SparkClusterSettings cluster) {
        this.root = root;
        this.endpoints = endpoints;
        this.cluster = cluster;
    }

    /**
     * The job of {@code module}. On the cluster each job may take half the worker's cores, so that
     * the streaming job, which runs all along, leaves room for the batch and ML jobs beside it.
     */
    List<String> command(String module, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        if (cluster == null) {
            command.add(root.resolve("bin/run-module.sh").toString());
            command.add(module);
            command.add(mainClass);
        } else {
            command.addAll(
                    List.of(
                            root.resolve("bin/spark-submit.sh").toString(),
                            "--master",
                            endpoints.sparkMasterUrl(),
                            "--total-executor-cores",
                            Integer.toString(Math.max(1, cluster.workerCores() / 2)),
                            "--executor-memory",
                            EXECUTOR_MEMORY,
                            "--driver-memory",
                            "1g",
                            "--conf",
                            "spark.sql.shuffle.partitions=8",
                            "--class",
                            mainClass,
                            root.resolve(module + "/target/" + module + ".jar").toString()));
        }
        command.addAll(List.of(arguments));
        return command;
    }
}
