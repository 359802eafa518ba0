package io.iothome.dashboard.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    @Test
    void aKeyspaceThatIsNotAPlainIdentifierIsRefusedBeforeAnyStatementIsBuilt() {
        assertThatThrownBy(() -> settings("my_batch; DROP KEYSPACE streaming"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case CQL identifier");
        assertThatThrownBy(() -> settings("My_Batch")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFixedStatementsUseTheConfiguredKeyspaces() {
        DashboardSettings settings = settings("batch_x");
        org.assertj.core.api.Assertions.assertThat(ViewQuery.ENERGY_MONTH.cql(settings))
                .isEqualTo("SELECT * FROM batch_x.kw_use_month WHERE house_id = ?");
        org.assertj.core.api.Assertions.assertThat(ViewQuery.LIVE_DAYS.cql(settings))
                .isEqualTo("SELECT DISTINCT house_id, day FROM streaming.raw_row_dataset");
    }

    private static DashboardSettings settings(String batchKeyspace) {
        return new DashboardSettings(
                "127.0.0.1",
                9042,
                "",
                "",
                "datacenter1",
                "streaming",
                batchKeyspace,
                "home-c",
                ZoneOffset.UTC,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }
}
