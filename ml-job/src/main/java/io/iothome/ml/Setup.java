package io.iothome.ml;

/** How a model is asked its question. */
public enum Setup {
    /**
     * The original's recipe, kept for comparison: the hour's other columns as features, a seeded
     * random 80/20 split; the baseline is the training mean.
     */
    ORIGINAL("original"),
    /**
     * The honest one: predict the next hour from what is known at the current hour (lagged values,
     * calendar, weather), first 80 % of hours to train, last 20 % to test; the baseline is
     * persistence (next hour = this hour).
     */
    FORECAST("forecast");

    final String label;

    Setup(String label) {
        this.label = label;
    }
}
