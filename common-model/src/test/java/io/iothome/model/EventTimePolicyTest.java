package io.iothome.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimePolicyTest {

    @Test
    void homeCCounterAdvancesOneMinutePerRow() {
        EventTimePolicy policy = EventTimePolicy.homeC();

        assertThat(policy.eventTime(1451624400L)).isEqualTo(Instant.parse("2016-01-01T05:00:00Z"));
        assertThat(policy.eventTime(1451624401L)).isEqualTo(Instant.parse("2016-01-01T05:01:00Z"));
        assertThat(policy.eventTime(1451624400L + 2837))
                .isEqualTo(Instant.parse("2016-01-03T04:17:00Z"));
    }

    @Test
    void sourceTimeIsTheInverseOfEventTime() {
        EventTimePolicy policy = EventTimePolicy.homeC();

        assertThat(policy.sourceTime(policy.eventTime(1451630000L))).isEqualTo(1451630000L);
    }

    @Test
    void commandLineFormsAreUnderstood() {
        assertThat(EventTimePolicy.parse("homec")).isEqualTo(EventTimePolicy.homeC());
        assertThat(EventTimePolicy.parse("UNIX")).isEqualTo(EventTimePolicy.unixSeconds());
        assertThat(EventTimePolicy.parse("100:30")).isEqualTo(new EventTimePolicy(100, 30));
        assertThat(EventTimePolicy.parse(EventTimePolicy.homeC().toString()))
                .isEqualTo(EventTimePolicy.homeC());
    }

    @Test
    void unknownFormIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> EventTimePolicy.parse("minutes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'homec', 'unix' or ORIGIN:STEP");
        assertThatThrownBy(() -> new EventTimePolicy(0, 0))
                .hasMessageContaining("step must be positive");
    }
}
