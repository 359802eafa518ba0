package io.iothome.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iothome.spark.CassandraSettings;
import io.iothome.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegressionRecoveryTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark =
                SparkSessions.create(
                        "regression-test",
                        "local[2]",
                        new CassandraSettings("127.0.0.1", 9042, null, null),
                        "UTC");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void knownLinearFunctionIsRecoveredWithTestR2Above099() {
        // label = 3 x1 - 2 x2 + 0.5 x3 + 10, with noise of sd 0.05; x on very different scales
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double x1 = random.nextGaussian() * 5;
            double x2 = 1000 + random.nextGaussian() * 20;
            double x3 = random.nextDouble();
            double label = 3 * x1 - 2 * x2 + 0.5 * x3 + 10 + random.nextGaussian() * 0.05;
            rows.add(RowFactory.create(x1, x2, x3, label));
        }
        StructType schema =
                new StructType()
                        .add("x1", DataTypes.DoubleType)
                        .add("x2", DataTypes.DoubleType)
                        .add("x3", DataTypes.DoubleType)
                        .add(Features.LABEL, DataTypes.DoubleType);
        Dataset<Row>[] split =
                spark.createDataFrame(rows, schema).randomSplit(new double[] {0.8, 0.2}, 3);

        PipelineModel model = Regression.fit(split[0], List.of("x1", "x2", "x3"));

        LinearRegressionModel linear = Regression.linear(model);
        assertThat(linear.coefficients().apply(0)).isCloseTo(3.0, within(0.01));
        assertThat(linear.coefficients().apply(1)).isCloseTo(-2.0, within(0.01));
        assertThat(linear.coefficients().apply(2)).isCloseTo(0.5, within(0.05));
        assertThat(linear.intercept()).isCloseTo(10.0, within(3.0));
        Regression.Scores test = Regression.score(model.transform(split[1]), "prediction");
        assertThat(test.r2()).isGreaterThan(0.99);
        assertThat(test.rmse()).isCloseTo(0.05, within(0.02));
    }
}
