package io.iothome.dashboard.ui;

import com.vaadin.flow.component.UI;
import io.iothome.dashboard.store.DatasetKind;
import io.iothome.dashboard.store.Granularity;
import io.iothome.dashboard.store.ResultStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a person does in each view, as named actions for the timings. */
public final class ViewActions {

    private ViewActions() {}

    public static Map<String, Runnable> all(ResultStore store, UI ui) {
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put(
                "Explore: open (All, grid + distribution)",
                () -> {
                    ui.removeAll();
                    ui.add(new ExploreView(store));
                });
        actions.put(
                "Explore: grid page in mid-year (100 rows)",
                () -> {
                    ExploreView view = new ExploreView(store);
                    view.readings().page(view.readings().total() / 2, 100).count();
                });
        for (DatasetKind kind : new DatasetKind[] {DatasetKind.ENERGY, DatasetKind.WEATHER}) {
            for (Granularity granularity : Granularity.values()) {
                actions.put(
                        "Explore: " + kind + ", " + granularity,
                        () -> {
                            ExploreView view = new ExploreView(store);
                            view.dataset().setValue(kind);
                            view.granularity().setValue(granularity);
                        });
            }
        }
        actions.put("Energy: open", () -> new EnergyView(store));
        actions.put("Models: open (temperature)", () -> new ModelsView(store));
        actions.put("Live: one refresh", () -> new LiveView(store).refresh());
        return actions;
    }
}
