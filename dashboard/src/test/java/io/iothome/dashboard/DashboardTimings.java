package io.iothome.dashboard;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.iothome.dashboard.store.CassandraConnection;
import io.iothome.dashboard.store.DashboardSettings;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.dashboard.ui.ViewActions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server side time of each view, measured on whatever a running stack holds (bench/dashboard.sh
 * runs it after a full-year pipeline run): each view is built and switched as a person does, in a
 * mock Vaadin session (no browser, no network), its reads going to the real Cassandra. Prints one
 * RESULT line per action: median and max over the runs, after one warm-up.
 *
 * <p>Arguments: [cassandra port] [runs].
 */
public final class DashboardTimings {

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9042;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        DashboardSettings settings =
                new DashboardSettings(
                        "127.0.0.1",
                        port,
                        "",
                        "",
                        "datacenter1",
                        "streaming",
                        "my_batch",
                        "home-c",
                        ZoneId.of("America/New_York"),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10));
        ResultStore store = new ResultStore(new CassandraConnection(settings));
        MockVaadin.setup();
        try {
            for (Map.Entry<String, Runnable> action :
                    ViewActions.all(store, UI.getCurrent()).entrySet()) {
                action.getValue().run();
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    action.getValue().run();
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                Collections.sort(millis);
                System.out.printf(
                        Locale.ROOT,
                        "RESULT %-40s median %7.1f ms   max %7.1f ms%n",
                        action.getKey(),
                        millis.get(millis.size() / 2),
                        millis.get(millis.size() - 1));
            }
        } finally {
            MockVaadin.tearDown();
            System.exit(0);
        }
    }
}
