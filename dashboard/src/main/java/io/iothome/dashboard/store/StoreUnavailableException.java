package io.iothome.dashboard.store;

/** Cassandra could not be reached or did not answer in time; the views show a banner. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
