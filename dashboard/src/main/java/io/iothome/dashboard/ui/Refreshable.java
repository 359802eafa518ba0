package io.iothome.dashboard.ui;

/** A view that reloads its data, called when Cassandra comes back after an outage. */
public interface Refreshable {
    void refresh();
}
