package io.iothome.ml;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakageGuardTest {

    @Test
    void featureListContainingTheTargetIsRefused() {
        List<String> features = new ArrayList<>(Features.originalFeatures(Target.USE_KW));
        features.add("use_kw");

        assertThatThrownBy(() -> LeakageGuard.check(Target.USE_KW, Setup.ORIGINAL, features))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would see its own target (use_kw)");
    }

    @Test
    void forecastFeatureFromTheTargetsOwnHourIsRefused() {
        List<String> features = new ArrayList<>(Features.forecastFeatures(Target.TEMPERATURE));
        features.add("apparent_temperature");

        assertThatThrownBy(() -> LeakageGuard.check(Target.TEMPERATURE, Setup.FORECAST, features))
                .hasMessageContaining("apparent_temperature is not known at the current hour");
    }

    @Test
    void theJobsOwnFeatureListsPass() {
        for (Target target : Target.values()) {
            assertThatCode(
                            () ->
                                    LeakageGuard.check(
                                            target,
                                            Setup.ORIGINAL,
                                            Features.originalFeatures(target)))
                    .doesNotThrowAnyException();
            assertThatCode(
                            () ->
                                    LeakageGuard.check(
                                            target,
                                            Setup.FORECAST,
                                            Features.forecastFeatures(target)))
                    .doesNotThrowAnyException();
        }
    }
}
