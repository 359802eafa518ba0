package io.iothome.streaming;

import io.iothome.model.EventTimePolicy;
import io.iothome.model.ParseResult;
import io.iothome.model.ReadingParser;
import io.iothome.spark.ReadingRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A micro-batch's Kafka records, each parsed once by the shared {@link ReadingParser}: one row per
 * record holding either its clean reading or its rejection, with its partition and offset. The
 * house is the record's key (the producer's house id).
 */
final class RecordOutcomes {

    static final String ACCEPTED = "accepted";

    /** Reading columns (nullable here), source position, rejection columns, and the flag. */
    static final StructType SCHEMA = schema();

    private RecordOutcomes() {}

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : ReadingRows.READING_SCHEMA.fields()) {
            fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.add(DataTypes.createStructField("source_partition", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("source_offset", DataTypes.LongType, false));
        for (StructField field : ReadingRows.REJECTION_SCHEMA.fields()) {
            fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.add(DataTypes.createStructField(ACCEPTED, DataTypes.BooleanType, false));
        return new StructType(fields.toArray(StructField[]::new));
    }

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
        int readingWidth = ReadingRows.READING_SCHEMA.size();
        int rejectionWidth = ReadingRows.REJECTION_SCHEMA.size();
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

            Object[] values = new Object[SCHEMA.size()];
            values[readingWidth] = partition;
            values[readingWidth + 1] = offset;
            ParseResult result =
                    parsers.computeIfAbsent(house, h -> new ReadingParser(policy, h)).parse(line);
            if (result instanceof ParseResult.Accepted accepted) {
                Row reading = ReadingRows.toRow(accepted.reading());
                for (int i = 0; i < readingWidth; i++) {
                    values[i] = reading.get(i);
                }
                values[values.length - 1] = true;
            } else {
                Row rejection =
                        ReadingRows.toRow(
                                ((ParseResult.Rejected) result).rejection(),
                                "kafka:" + topic + ":" + partition,
                                offset,
                                seenAt);
                for (int i = 0; i < rejectionWidth; i++) {
                    values[readingWidth + 2 + i] = rejection.get(i);
                }
                values[values.length - 1] = false;
            }
            outcomes.add(RowFactory.create(values));
        }
        return outcomes.iterator();
    }

    /** The raw table's columns, in the order of its schema. */
    static String[] rawColumns() {
        List<String> columns =
                new ArrayList<>(Arrays.asList(ReadingRows.READING_SCHEMA.fieldNames()));
        columns.add("source_partition");
        columns.add("source_offset");
        return columns.toArray(String[]::new);
    }
}
