package io.iothome.spark;

import io.iothome.model.ParseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Input lines parsed once, one row per line holding either its clean reading or its rejection, so
 * that a job reads and parses its input a single time and splits the outcome afterwards. A row has
 * the reading's columns (null when rejected), the job's own position columns, the rejection's
 * columns (null when accepted), and the {@link #ACCEPTED} flag.
 */
public final class ParseOutcomes {

    public static final String ACCEPTED = "accepted";

    private static final int READING_WIDTH = ReadingRows.READING_SCHEMA.size();
    private static final int REJECTION_WIDTH = ReadingRows.REJECTION_SCHEMA.size();

    private ParseOutcomes() {}

    /** The outcome schema with {@code positionFields} between the reading and the rejection. */
    public static StructType schema(StructField... positionFields) {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : ReadingRows.READING_SCHEMA.fields()) {
            fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.addAll(Arrays.asList(positionFields));
        for (StructField field : ReadingRows.REJECTION_SCHEMA.fields()) {
            fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.add(DataTypes.createStructField(ACCEPTED, DataTypes.BooleanType, false));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * One line's outcome as a row of a {@link #schema} with as many position fields as {@code
     * positionValues}; {@code source} and {@code position} locate a rejected line.
     */
    public static Row toRow(
            ParseResult result,
            String source,
            long position,
            Instant seenAt,
            Object... positionValues) {
        Object[] values = new Object[READING_WIDTH + positionValues.length + REJECTION_WIDTH + 1];
        System.arraycopy(positionValues, 0, values, READING_WIDTH, positionValues.length);
        if (result instanceof ParseResult.Accepted accepted) {
            Row reading = ReadingRows.toRow(accepted.reading());
            for (int i = 0; i < READING_WIDTH; i++) {
                values[i] = reading.get(i);
            }
            values[values.length - 1] = true;
        } else {
            Row rejection =
                    ReadingRows.toRow(
                            ((ParseResult.Rejected) result).rejection(), source, position, seenAt);
            int first = READING_WIDTH + positionValues.length;
            for (int i = 0; i < REJECTION_WIDTH; i++) {
                values[first + i] = rejection.get(i);
            }
            values[values.length - 1] = false;
        }
        return RowFactory.create(values);
    }

    /**
     * The clean readings, in {@link ReadingRows#READING_SCHEMA}'s columns followed by {@code
     * positionColumns}.
     */
    public static Dataset<Row> readings(Dataset<Row> outcomes, String... positionColumns) {
        List<String> names = new ArrayList<>(List.of(ReadingRows.READING_SCHEMA.fieldNames()));
        names.addAll(List.of(positionColumns));
        return outcomes.filter(functions.col(ACCEPTED)).select(columns(names));
    }

    /** The rejected lines, in {@link ReadingRows#REJECTION_SCHEMA}'s columns. */
    public static Dataset<Row> rejections(Dataset<Row> outcomes) {
        List<String> names = List.of(ReadingRows.REJECTION_SCHEMA.fieldNames());
        return outcomes.filter(functions.not(functions.col(ACCEPTED))).select(columns(names));
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(functions::col).toArray(Column[]::new);
    }
}
