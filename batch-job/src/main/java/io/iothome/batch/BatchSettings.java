package io.iothome.batch;

import io.iothome.model.EventTimePolicy;
import io.iothome.spark.CassandraSettings;

/**
 * What one batch run reads and where it writes.
 *
 * @param input a HomeC-format CSV (any path or URI Spark reads), or null to read the master data
 *     set from {@code <streamingKeyspace>.raw_row_dataset}
 * @param houseId the house the readings belong to; every view is keyed by it
 * @param timeZone the zone of every month, day of week, day of year and hour
 * @param eventTimePolicy how the CSV's time column becomes event time
 * @param cassandra where the tables are
 * @param streamingKeyspace the speed layer's keyspace (the master data set)
 * @param batchKeyspace the batch layer's keyspace (every view)
 * @param histogramBins bins per column of the value histograms
 */
public record BatchSettings(
        String input,
        String houseId,
        String timeZone,
        EventTimePolicy eventTimePolicy,
        CassandraSettings cassandra,
        String streamingKeyspace,
        String batchKeyspace,
        int histogramBins) {

    public boolean readsMasterDataSet() {
        return input == null;
    }

    /** The rejected-records source name of this run's input. */
    public String source() {
        return input == null
                ? "cassandra:" + streamingKeyspace + ".raw_row_dataset"
                : "file:" + input;
    }
}
