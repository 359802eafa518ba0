package io.iothome.spark;

import io.iothome.model.HomeCColumn;
import io.iothome.model.Reading;
import io.iothome.model.Rejection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Readings and rejections as Spark rows, with the column names of the Cassandra tables: one schema,
 * defined from {@link HomeCColumn}, for the streaming and the batch job.
 */
public final class ReadingRows {

    /** The raw table's columns: house, UTC day, event time, source time, then the 31 values. */
    public static final StructType READING_SCHEMA = readingSchema();

    /** A rejected line and where it came from. */
    public static final StructType REJECTION_SCHEMA =
            new StructType(
                    new StructField[] {
                        DataTypes.createStructField("source", DataTypes.StringType, false),
                        DataTypes.createStructField("position", DataTypes.LongType, false),
                        DataTypes.createStructField("raw_line", DataTypes.StringType, false),
                        DataTypes.createStructField("reason", DataTypes.StringType, false),
                        DataTypes.createStructField("message", DataTypes.StringType, false),
                        DataTypes.createStructField("seen_at", DataTypes.TimestampType, false)
                    });

    private ReadingRows() {}

    private static StructType readingSchema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("house_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("day", DataTypes.DateType, false));
        fields.add(DataTypes.createStructField("event_time", DataTypes.TimestampType, false));
        fields.add(DataTypes.createStructField("source_time", DataTypes.LongType, false));
        for (HomeCColumn column : HomeCColumn.values()) {
            if (column == HomeCColumn.TIME) {
                continue;
            }
            boolean text = column.kind() == HomeCColumn.Kind.TEXT;
            boolean optional = text || column.kind() == HomeCColumn.Kind.OPTIONAL_NUMBER;
            fields.add(
                    DataTypes.createStructField(
                            column.storageName(),
                            text ? DataTypes.StringType : DataTypes.DoubleType,
                            optional));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** The UTC day of an event time: the raw and preprocessed tables' partition bucket. */
    public static LocalDate day(Instant eventTime) {
        return eventTime.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** A reading as a row of {@link #READING_SCHEMA}. */
    public static Row toRow(Reading reading) {
        Object[] values = new Object[READING_SCHEMA.size()];
        int i = 0;
        values[i++] = reading.houseId();
        values[i++] = Date.valueOf(day(reading.eventTime()));
        values[i++] = Timestamp.from(reading.eventTime());
        values[i++] = reading.sourceTime();
        for (HomeCColumn column : HomeCColumn.values()) {
            if (column == HomeCColumn.TIME) {
                continue;
            }
            if (column == HomeCColumn.ICON) {
                values[i++] = reading.icon();
            } else if (column == HomeCColumn.SUMMARY) {
                values[i++] = reading.summary();
            } else {
                values[i++] = reading.number(column);
            }
        }
        return RowFactory.create(values);
    }

    /** A rejection as a row of {@link #REJECTION_SCHEMA}. */
    public static Row toRow(Rejection rejection, String source, long position, Instant seenAt) {
        return RowFactory.create(
                source,
                position,
                rejection.rawLine(),
                rejection.reason().name(),
                rejection.message(),
                Timestamp.from(seenAt));
    }
}
