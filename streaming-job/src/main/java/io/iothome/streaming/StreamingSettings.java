package io.iothome.streaming;

import io.iothome.model.EventTimePolicy;
import io.iothome.spark.CassandraSettings;

/**
 * What the streaming job reads and where it writes.
 *
 * @param bootstrapServers Kafka
 * @param topic the producer's topic
 * @param maxOffsetsPerTrigger cap of records per micro-batch
 * @param triggerInterval time between micro-batches, for example "2 seconds"
 * @param checkpointLocation where progress is kept; a restart resumes from it
 * @param eventTimePolicy how a line's time column becomes event time
 * @param cassandra where the tables are
 * @param keyspace the speed layer's keyspace ({@code streaming})
 * @param influx the InfluxDB sink
 * @param consoleRows rows printed per micro-batch by the console sink, 0 for none
 */
public record StreamingSettings(
        String bootstrapServers,
        String topic,
        long maxOffsetsPerTrigger,
        String triggerInterval,
        String checkpointLocation,
        EventTimePolicy eventTimePolicy,
        CassandraSettings cassandra,
        String keyspace,
        InfluxSettings influx,
        int consoleRows) {}
