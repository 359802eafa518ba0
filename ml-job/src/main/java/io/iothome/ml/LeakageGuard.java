package io.iothome.ml;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a feature list that lets a model see what it predicts: the target itself, in any setup;
 * and in the forecast setup, anything measured in the target's own hour (every forecast feature
 * must be a value of the current hour, {@code *_t}, or an earlier one, {@code *_lagN}).
 */
final class LeakageGuard {

    private static final Pattern KNOWN_AT_CURRENT_HOUR = Pattern.compile(".+_(t|lag\\d+)");

    private LeakageGuard() {}

    /**
     * @throws IllegalArgumentException naming the offending feature
     */
    static void check(Target target, Setup setup, List<String> features) {
        for (String feature : features) {
            if (feature.equals(target.column) || feature.equals(Features.LABEL)) {
                throw new IllegalArgumentException(
                        "leakage: the "
                                + setup.label
                                + " model of "
                                + target.column
                                + " would see its own target ("
                                + feature
                                + ") among its features");
            }
            if (setup == Setup.FORECAST && !KNOWN_AT_CURRENT_HOUR.matcher(feature).matches()) {
                throw new IllegalArgumentException(
                        "leakage: forecast feature "
                                + feature
                                + " is not known at the current hour (expected *_t or *_lagN);"
                                + " it would come from the target's own hour");
            }
        }
    }
}
