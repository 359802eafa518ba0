package io.iothome.model;

import java.io.Serializable;

/** The outcome of parsing one line: a clean reading or a rejection, never an exception. */
public sealed interface ParseResult extends Serializable
        permits ParseResult.Accepted, ParseResult.Rejected {

    /** A line that became a clean reading. */
    record Accepted(Reading reading) implements ParseResult {}

    /** A line that did not. */
    record Rejected(Rejection rejection) implements ParseResult {}

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
