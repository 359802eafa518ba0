package io.iothome.batch;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.iothome.spark.CassandraTables;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the views to Cassandra so that a rerun replaces the previous results: a view's rows of
 * this house (or this source's rejections) are deleted first, then the new rows written, so nothing
 * stale and nothing doubled remains. Other houses' rows are left alone.
 */
final class ViewWriter implements AutoCloseable {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    private final String keyspace;
    private final CqlSession session;

    ViewWriter(SparkSession spark, String keyspace) {
        this.keyspace = keyspace;
        this.session = CassandraConnector.apply(spark.sparkContext().getConf()).openSession();
    }

    /** Deletes the house's partition of a table keyed by {@code house_id}. */
    void clearHouse(String table, String houseId) {
        execute("DELETE FROM " + keyspace + "." + table + " WHERE house_id = ?", houseId);
    }

    /** Deletes the house's day partitions of a table keyed by {@code (house_id, day)}. */
    long clearHouseDays(String table, String houseId) {
        List<Row> partitions =
                session.execute(
                                SimpleStatement.newInstance(
                                                "SELECT DISTINCT house_id, day FROM "
                                                        + keyspace
                                                        + "."
                                                        + table)
                                        .setTimeout(STATEMENT_TIMEOUT))
                        .all();
        PreparedStatement delete =
                session.prepare(
                        "DELETE FROM "
                                + keyspace
                                + "."
                                + table
                                + " WHERE house_id = ? AND day = ?");
        long deleted = 0;
        for (Row partition : partitions) {
            if (houseId.equals(partition.getString("house_id"))) {
                LocalDate day = partition.getLocalDate("day");
                session.execute(delete.bind(houseId, day).setTimeout(STATEMENT_TIMEOUT));
                deleted++;
            }
        }
        return deleted;
    }

    /** Deletes the house's histogram partitions. */
    void clearHistograms(String houseId, List<String> columns) {
        PreparedStatement delete =
                session.prepare(
                        "DELETE FROM "
                                + keyspace
                                + ".column_histogram WHERE house_id = ? AND column_name = ?");
        for (String column : columns) {
            session.execute(delete.bind(houseId, column).setTimeout(STATEMENT_TIMEOUT));
        }
    }

    /** Deletes the rejections recorded for a source. */
    void clearRejections(String source) {
        execute("DELETE FROM " + keyspace + ".rejected_records WHERE source = ?", source);
    }

    /** Appends (upserts) the rows of {@code view} to {@code table}. */
    void write(Dataset<org.apache.spark.sql.Row> view, String table) {
        CassandraTables.append(view, keyspace, table);
    }

    private void execute(String cql, Object... values) {
        session.execute(SimpleStatement.newInstance(cql, values).setTimeout(STATEMENT_TIMEOUT));
    }

    @Override
    public void close() {
        session.close();
    }
}
