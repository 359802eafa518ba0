package io.iothome.model;

/** Why a line did not become a reading. Stored by name in the rejected-records table. */
public enum RejectReason {
    /** The line is a HomeC header line. */
    HEADER,
    /** The line is empty or holds only white space. */
    BLANK_LINE,
    /** The line is not valid CSV (for example an unterminated quote). */
    MALFORMED_CSV,
    /** The line does not have the 32 HomeC columns. */
    WRONG_COLUMN_COUNT,
    /** A required number is empty or NaN. */
    MISSING_VALUE,
    /** A numeric column holds something that is not a number. */
    NOT_A_NUMBER,
    /** The time column is not an integer, or maps outside the representable range. */
    BAD_TIME
}
