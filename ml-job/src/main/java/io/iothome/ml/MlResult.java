package io.iothome.ml;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One fitted (target, setup): its features, sizes, the model's and the baseline's scores on train
 * and test, and the test-set predictions (hour_start, actual, predicted, baseline).
 */
record MlResult(
        Target target,
        Setup setup,
        List<String> features,
        long trainCount,
        long testCount,
        Regression.Scores modelTrain,
        Regression.Scores modelTest,
        String baseline,
        Regression.Scores baselineTrain,
        Regression.Scores baselineTest,
        double trainingSeconds,
        String modelPath,
        Dataset<Row> testPredictions) {

    String describe() {
        return String.format(
                "%-11s %-8s train %5d test %4d | model test RMSE %.4f MAE %.4f R2 %.4f | %s test"
                        + " RMSE %.4f MAE %.4f R2 %.4f | model train RMSE %.4f R2 %.4f | %.1f s",
                target.column,
                setup.label,
                trainCount,
                testCount,
                modelTest.rmse(),
                modelTest.mae(),
                modelTest.r2(),
                baseline,
                baselineTest.rmse(),
                baselineTest.mae(),
                baselineTest.r2(),
                modelTrain.rmse(),
                modelTrain.r2(),
                trainingSeconds);
    }
}
