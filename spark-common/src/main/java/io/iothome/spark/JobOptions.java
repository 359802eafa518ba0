package io.iothome.spark;

import picocli.CommandLine.Option;

/**
 * The options every Spark job shares: its master and where Cassandra is. A picocli mixin; the
 * password only ever comes from the environment.
 */
public final class JobOptions {

    @Option(
            names = "--master",
            description =
                    "Spark master URL (IOTHOME_SPARK_MASTER; default: spark-submit's, else"
                            + " local[*]).",
            defaultValue = "${env:IOTHOME_SPARK_MASTER}")
    String master;

    @Option(
            names = "--cassandra-host",
            description =
                    "Cassandra contact point (IOTHOME_CASSANDRA_HOST; default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_CASSANDRA_HOST:-127.0.0.1}")
    String cassandraHost;

    @Option(
            names = "--cassandra-port",
            description = "Cassandra CQL port (IOTHOME_CASSANDRA_PORT; default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IOTHOME_CASSANDRA_PORT:-9042}")
    int cassandraPort;

    @Option(
            names = "--cassandra-user",
            description =
                    "Cassandra user when auth is on (IOTHOME_CASSANDRA_USER; the password"
                            + " only from IOTHOME_CASSANDRA_PASSWORD).",
            defaultValue = "${env:IOTHOME_CASSANDRA_USER}")
    String cassandraUser;

    /** The Spark master, or null for spark-submit's (or local[*]). */
    public String master() {
        return master;
    }

    public CassandraSettings cassandra() {
        return new CassandraSettings(
                cassandraHost,
                cassandraPort,
                cassandraUser,
                System.getenv("IOTHOME_CASSANDRA_PASSWORD"));
    }

    /** The innermost message of a failure: what a person can act on. */
    public static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? error.toString() : error.getMessage() + " (cause: " + cause + ")";
    }
}
