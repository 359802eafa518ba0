package io.iothome.ml;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** MLlib linear regression on standardized features, and how it and a baseline score. */
final class Regression {

    /** RMSE, MAE and R² of one set of predictions. */
    record Scores(double rmse, double mae, double r2) {}

    private Regression() {}

    /** Fits label ~ features (features standardized inside, coefficients in original units). */
    static PipelineModel fit(Dataset<Row> train, List<String> features) {
        VectorAssembler assembler =
                new VectorAssembler()
                        .setInputCols(features.toArray(String[]::new))
                        .setOutputCol("features");
        LinearRegression regression =
                new LinearRegression()
                        .setLabelCol(Features.LABEL)
                        .setFeaturesCol("features")
                        .setStandardization(true)
                        .setRegParam(0.0)
                        .setMaxIter(200);
        return new Pipeline().setStages(new PipelineStage[] {assembler, regression}).fit(train);
    }

    static LinearRegressionModel linear(PipelineModel model) {
        return (LinearRegressionModel) model.stages()[1];
    }

    /** Scores of the column {@code prediction} against the label. */
    static Scores score(Dataset<Row> rows, String prediction) {
        RegressionEvaluator evaluator =
                new RegressionEvaluator().setLabelCol(Features.LABEL).setPredictionCol(prediction);
        return new Scores(
                evaluator.setMetricName("rmse").evaluate(rows),
                evaluator.setMetricName("mae").evaluate(rows),
                evaluator.setMetricName("r2").evaluate(rows));
    }

    /** Adds the training-mean baseline (the original setup's) to {@code rows}. */
    static Dataset<Row> withTrainingMean(Dataset<Row> rows, Dataset<Row> train) {
        double mean = train.agg(avg(col(Features.LABEL))).first().getDouble(0);
        return rows.withColumn(Features.BASELINE, lit(mean));
    }
}
