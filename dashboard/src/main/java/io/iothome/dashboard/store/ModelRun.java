package io.iothome.dashboard.store;

import java.time.Instant;
import java.util.List;

/** One ML job result: a target and setup's model against its baseline, train and test. */
public record ModelRun(
        String target,
        String setup,
        Instant runAt,
        List<String> features,
        int trainCount,
        int testCount,
        Fit model,
        String baseline,
        Fit baselineFit) {

    /** RMSE, MAE and R² on the training and the test hours. */
    public record Fit(
            double trainRmse,
            double trainMae,
            double trainR2,
            double testRmse,
            double testMae,
            double testR2) {}
}
