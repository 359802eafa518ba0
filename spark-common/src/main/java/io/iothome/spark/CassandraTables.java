package io.iothome.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads and writes of whole Cassandra tables through the Spark Cassandra connector. */
public final class CassandraTables {

    private static final String FORMAT = "org.apache.spark.sql.cassandra";

    private CassandraTables() {}

    /** The table as a data frame; filters applied to it are pushed down where the key allows. */
    public static Dataset<Row> read(SparkSession spark, String keyspace, String table) {
        return spark.read()
                .format(FORMAT)
                .option("keyspace", keyspace)
                .option("table", table)
                .load();
    }

    /** Writes the rows to the table; rows with a key already there replace it (an upsert). */
    public static void append(Dataset<Row> rows, String keyspace, String table) {
        rows.write()
                .format(FORMAT)
                .option("keyspace", keyspace)
                .option("table", table)
                .mode("append")
                .save();
    }
}
