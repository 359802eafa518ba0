package io.iothome.batch;

import io.iothome.model.ParseResult;
import io.iothome.model.ReadingParser;
import io.iothome.model.RejectReason;
import io.iothome.spark.CassandraTables;
import io.iothome.spark.ParseOutcomes;
import io.iothome.spark.ReadingRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The batch layer's input, read once and kept while the views are computed: a HomeC CSV parsed and
 * cleaned by the shared {@link ReadingParser}, or the master data set the streaming job stored
 * (already cleaned by the same code).
 */
final class CleanInput implements AutoCloseable {

    private static final StructType OUTCOME_SCHEMA = ParseOutcomes.schema();

    private final Dataset<Row> kept;
    private final Dataset<Row> readings;
    private final Dataset<Row> rejections;

    private CleanInput(Dataset<Row> kept, Dataset<Row> readings, Dataset<Row> rejections) {
        this.kept = kept;
        this.readings = readings;
        this.rejections = rejections;
    }

    /**
     * Parses a CSV, each line once; a rejection's position is its line number in the file (header =
     * 1), and the file's own header line is not among the rejections.
     */
    static CleanInput fromCsv(SparkSession spark, BatchSettings settings) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ReadingParser parser = new ReadingParser(settings.eventTimePolicy(), settings.houseId());
        String source = settings.source();
        Instant seenAt = Instant.now();
        JavaRDD<Row> outcomes =
                context.textFile(settings.input())
                        .zipWithIndex()
                        .mapPartitions(lines -> parse(lines, parser, source, seenAt));

        // the views read the parsed lines from Spark's cache, never the file again
        Dataset<Row> kept =
                spark.createDataFrame(outcomes, OUTCOME_SCHEMA)
                        .persist(StorageLevel.MEMORY_AND_DISK());
        return new CleanInput(kept, ParseOutcomes.readings(kept), ParseOutcomes.rejections(kept));
    }

    private static Iterator<Row> parse(
            Iterator<Tuple2<String, Long>> lines,
            ReadingParser parser,
            String source,
            Instant seenAt) {
        List<Row> outcomes = new ArrayList<>();
        while (lines.hasNext()) {
            Tuple2<String, Long> line = lines.next();
            long lineNumber = line._2() + 1;
            ParseResult result = parser.parse(line._1());
            boolean fileHeader =
                    lineNumber == 1
                            && result instanceof ParseResult.Rejected rejected
                            && rejected.rejection().reason() == RejectReason.HEADER;
            if (!fileHeader) {
                outcomes.add(ParseOutcomes.toRow(result, source, lineNumber, seenAt));
            }
        }
        return outcomes.iterator();
    }

    /** The house's readings in the speed layer's raw table. */
    static CleanInput fromMasterDataSet(SparkSession spark, BatchSettings settings) {
        Dataset<Row> raw =
                CassandraTables.read(spark, settings.streamingKeyspace(), "raw_row_dataset")
                        .filter(functions.col("house_id").equalTo(settings.houseId()));
        String[] columns = ReadingRows.READING_SCHEMA.fieldNames();
        Dataset<Row> readings =
                raw.select(Arrays.stream(columns).map(functions::col).toArray(Column[]::new))
                        .persist(StorageLevel.MEMORY_AND_DISK());
        return new CleanInput(
                readings, readings, spark.createDataFrame(List.of(), ReadingRows.REJECTION_SCHEMA));
    }

    /** Clean readings, {@link ReadingRows#READING_SCHEMA}. */
    Dataset<Row> readings() {
        return readings;
    }

    /** Rejected lines, {@link ReadingRows#REJECTION_SCHEMA}. */
    Dataset<Row> rejections() {
        return rejections;
    }

    /** Lets Spark drop the kept input. */
    @Override
    public void close() {
        kept.unpersist();
    }
}
