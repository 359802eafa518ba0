package io.iothome.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A line that did not become a reading: the raw text as received, why, and a message a person can
 * act on (which column, which value).
 */
public record Rejection(String rawLine, RejectReason reason, String message)
        implements Serializable {

    public Rejection {
        Objects.requireNonNull(rawLine, "rawLine");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
