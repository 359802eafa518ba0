package io.iothome.streaming;

import io.iothome.model.EventTimePolicy;
import io.iothome.model.ReadingParser;
import io.iothome.spark.ParseOutcomes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A micro-batch's Kafka records, each parsed once by the shared {@link ReadingParser} into a {@link
 * ParseOutcomes} row, positioned by its Kafka partition and offset. The house is the record's key
 * (the producer's house id).
 */
final class RecordOutcomes {

    /** Where a record came from: stored with its reading in the raw table. */
    static final String[] POSITION_COLUMNS = {"source_partition", "source_offset"};

    static final StructType SCHEMA =
            ParseOutcomes.schema(
                    DataTypes.createStructField(POSITION_COLUMNS[0], DataTypes.IntegerType, false),
                    DataTypes.createStructField(POSITION_COLUMNS[1], DataTypes.LongType, false));

    private RecordOutcomes() {}

    /**
     * Parses {@code records} (columns key, value, topic, partition, offset as Kafka's source gives
     * them, key and value cast to strings).
     */
    static Dataset<Row> parse(Dataset<Row> records, EventTimePolicy policy) {
        return records.mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> parsePartition(rows, policy),
                Encoders.row(SCHEMA));
    }

    private static Iterator<Row> parsePartition(Iterator<Row> records, EventTimePolicy policy) {
        Map<String, ReadingParser> parsers = new HashMap<>();
        Instant seenAt = Instant.now();
        List<Row> outcomes = new ArrayList<>();
        while (records.hasNext()) {
            Row record = records.next();
            String house =
                    record.isNullAt(0) || record.getString(0).isBlank()
                            ? "unknown"
                            : record.getString(0);
            String line = record.isNullAt(1) ? "" : record.getString(1);
            String topic = record.getString(2);
            int partition = record.getInt(3);
            long offset = record.getLong(4);

            ReadingParser parser =
                    parsers.computeIfAbsent(house, h -> new ReadingParser(policy, h));
            outcomes.add(
                    ParseOutcomes.toRow(
                            parser.parse(line),
                            "kafka:" + topic + ":" + partition,
                            offset,
                            seenAt,
                            partition,
                            offset));
        }
        return outcomes.iterator();
    }
}
