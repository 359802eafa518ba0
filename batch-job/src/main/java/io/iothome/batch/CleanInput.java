package io.iothome.batch;

import io.iothome.model.ParseResult;
import io.iothome.model.ReadingParser;
import io.iothome.model.RejectReason;
import io.iothome.spark.CassandraTables;
import io.iothome.spark.ReadingRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * The batch layer's input as clean readings and rejected lines: a HomeC CSV parsed and cleaned by
 * the shared {@link ReadingParser}, or the master data set the streaming job stored (already
 * cleaned by the same code).
 *
 * @param readings clean readings, {@link ReadingRows#READING_SCHEMA}
 * @param rejections rejected lines, {@link ReadingRows#REJECTION_SCHEMA}; the file's own header
 *     line (line 1) is not among them
 */
record CleanInput(Dataset<Row> readings, Dataset<Row> rejections) {

    /** Parses a CSV; a rejection's position is its line number in the file (header = 1). */
    static CleanInput fromCsv(SparkSession spark, BatchSettings settings) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaPairRDD<String, Long> numbered = context.textFile(settings.input()).zipWithIndex();
        ReadingParser parser = new ReadingParser(settings.eventTimePolicy(), settings.houseId());
        String source = settings.source();
        Instant seenAt = Instant.now();

        JavaRDD<Row> accepted =
                numbered.mapPartitions(
                        lines -> {
                            List<Row> rows = new ArrayList<>();
                            while (lines.hasNext()) {
                                ParseResult result = parser.parse(lines.next()._1());
                                if (result instanceof ParseResult.Accepted reading) {
                                    rows.add(ReadingRows.toRow(reading.reading()));
                                }
                            }
                            return rows.iterator();
                        });
        JavaRDD<Row> rejected =
                numbered.mapPartitions(lines -> rejectedRows(lines, parser, source, seenAt));

        return new CleanInput(
                spark.createDataFrame(accepted, ReadingRows.READING_SCHEMA),
                spark.createDataFrame(rejected, ReadingRows.REJECTION_SCHEMA));
    }

    private static Iterator<Row> rejectedRows(
            Iterator<Tuple2<String, Long>> lines,
            ReadingParser parser,
            String source,
            Instant seenAt) {
        List<Row> rows = new ArrayList<>();
        while (lines.hasNext()) {
            Tuple2<String, Long> line = lines.next();
            ParseResult result = parser.parse(line._1());
            if (result instanceof ParseResult.Rejected rejected) {
                long lineNumber = line._2() + 1;
                boolean fileHeader =
                        lineNumber == 1 && rejected.rejection().reason() == RejectReason.HEADER;
                if (!fileHeader) {
                    rows.add(ReadingRows.toRow(rejected.rejection(), source, lineNumber, seenAt));
                }
            }
        }
        return rows.iterator();
    }

    /** The house's readings in the speed layer's raw table. */
    static CleanInput fromMasterDataSet(SparkSession spark, BatchSettings settings) {
        Dataset<Row> raw =
                CassandraTables.read(spark, settings.streamingKeyspace(), "raw_row_dataset")
                        .filter(functions.col("house_id").equalTo(settings.houseId()));
        String[] columns = ReadingRows.READING_SCHEMA.fieldNames();
        Dataset<Row> readings =
                raw.select(Arrays.stream(columns).map(functions::col).toArray(Column[]::new));
        return new CleanInput(
                readings, spark.createDataFrame(List.of(), ReadingRows.REJECTION_SCHEMA));
    }
}
