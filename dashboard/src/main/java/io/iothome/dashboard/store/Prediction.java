package io.iothome.dashboard.store;

import java.time.Instant;

/** One test hour of a model run: the measured value, the model's and the baseline's. */
public record Prediction(Instant hourStart, double actual, double predicted, Double baseline) {

    public double residual() {
        return actual - predicted;
    }
}
