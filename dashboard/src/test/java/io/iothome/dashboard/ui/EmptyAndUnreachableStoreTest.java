package io.iothome.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import io.iothome.dashboard.FilledStore;
import io.iothome.dashboard.TcpRelay;
import io.iothome.dashboard.store.CassandraConnection;
import io.iothome.dashboard.store.DashboardSettings;
import io.iothome.dashboard.store.DatasetKind;
import io.iothome.dashboard.store.Granularity;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.stack.testing.LocalStackExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Views before the jobs ran, and while Cassandra cannot be reached. */
@ExtendWith(LocalStackExtension.class)
class EmptyAndUnreachableStoreTest {

    private final FilledStore data = FilledStore.get();

    @BeforeEach
    void setUp() {
        // the layout's navigation links need the routes
        MockVaadin.setup(new Routes().autoDiscoverViews("io.iothome.dashboard.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void everyViewSaysWhichJobToRunWhenItsTablesAreEmpty() {
        ResultStore empty = data.emptyStore();
        ExploreView explore = new ExploreView(empty);
        EnergyView energy = new EnergyView(empty);
        ModelsView models = new ModelsView(empty);
        LiveView live = new LiveView(empty);
        UI.getCurrent().add(explore, energy, models, live);

        assertThat(explore.status().getText())
                .isEqualTo("No data yet: run the batch job (./batch-job/run.sh).");
        explore.dataset().setValue(DatasetKind.WEATHER);
        explore.granularity().setValue(Granularity.DAY_OF_YEAR);
        assertThat(explore.status().getText()).startsWith("No data yet: run the batch job");
        assertThat(explore.chartPanel().isVisible()).isFalse();
        assertThat(energy.status().getText()).startsWith("No data yet: run the batch job");
        assertThat(models.status().getText())
                .isEqualTo("No data yet: run the batch job, then the ML job (./ml-job/run.sh).");
        assertThat(live.status().getText())
                .startsWith("No data yet: start the producer and the streaming job");
    }

    @Test
    void aBannerShowsWhileCassandraIsUnreachableAndTheViewReloadsWhenItReturns() throws Exception {
        DashboardSettings filled = data.settings();
        try (TcpRelay relay = new TcpRelay("127.0.0.1", filled.cassandraPort())) {
            DashboardSettings viaRelay =
                    new DashboardSettings(
                            filled.cassandraHost(),
                            relay.port(),
                            "",
                            "",
                            filled.localDatacenter(),
                            filled.streamingKeyspace(),
                            filled.batchKeyspace(),
                            filled.houseId(),
                            filled.timeZone(),
                            filled.liveRefresh(),
                            Duration.ofSeconds(3));
            ResultStore store = new ResultStore(new CassandraConnection(viaRelay));

            // down from the start: the view opens with the failure, the layout with a banner
            relay.stop();
            MainLayout layout = new MainLayout(store);
            ExploreView explore = new ExploreView(store);
            UI.getCurrent().add(layout);
            layout.showRouterLayoutContent(explore);
            layout.checkStore();
            assertThat(explore.status().getText()).startsWith("Cassandra at 127.0.0.1:");
            assertThat(layout.banner().isVisible()).isTrue();
            assertThat(layout.banner().getText()).contains("is not reachable");

            // back: the next check hides the banner and reloads the view
            relay.start();
            awaitBannerGone(layout);
            assertThat(explore.status().isVisible()).isFalse();
            assertThat(explore.readings().total()).isEqualTo(2838);

            // down again after a working session: the open session's reads fail, then recover
            relay.stop();
            layout.checkStore();
            assertThat(layout.banner().isVisible()).isTrue();
            relay.start();
            awaitBannerGone(layout);
        }
    }

    /** The layout checks every few seconds in a browser; here the test calls the check. */
    private static void awaitBannerGone(MainLayout layout) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            layout.checkStore();
            if (!layout.banner().isVisible()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the banner stayed: " + layout.banner().getText());
    }
}
