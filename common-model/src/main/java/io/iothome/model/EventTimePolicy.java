package io.iothome.model;

import java.io.Serializable;
import java.time.Instant;

/**
 * Turns the {@code time} column of a HomeC line into the reading's real event time.
 *
 * <p>HomeC's {@code time} starts at 1451624400 and advances by 1 per row although rows are one
 * minute apart, so the default maps {@code time} to {@code origin + (time - origin) * 60} seconds.
 * Files without the quirk use {@link #unixSeconds()}.
 *
 * @param origin the source value that is taken as it is (the file's first time stamp)
 * @param stepSeconds seconds of event time per unit of source time
 */
public record EventTimePolicy(long origin, long stepSeconds) implements Serializable {

    /** HomeC's first time stamp: 2016-01-01T05:00:00Z. */
    public static final long HOMEC_ORIGIN = 1451624400L;

    public EventTimePolicy {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + stepSeconds);
        }
    }

    /** The default: HomeC's one-per-row counter, one minute per row from 2016-01-01T05:00Z. */
    public static EventTimePolicy homeC() {
        return new EventTimePolicy(HOMEC_ORIGIN, 60);
    }

    /** Plain Unix seconds, for files whose time column is already real. */
    public static EventTimePolicy unixSeconds() {
        return new EventTimePolicy(0, 1);
    }

    /**
     * Reads a policy from its command-line form: {@code homec}, {@code unix}, or {@code
     * ORIGIN:STEP} (for example {@code 1451624400:60}).
     */
    public static EventTimePolicy parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("homec")) {
            return homeC();
        }
        if (trimmed.equalsIgnoreCase("unix")) {
            return unixSeconds();
        }
        int colon = trimmed.indexOf(':');
        if (colon > 0) {
            try {
                long origin = Long.parseLong(trimmed.substring(0, colon));
                long step = Long.parseLong(trimmed.substring(colon + 1));
                return new EventTimePolicy(origin, step);
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(
                "event time policy must be 'homec', 'unix' or ORIGIN:STEP (e.g. 1451624400:60),"
                        + " got '"
                        + text
                        + "'");
    }

    /** The event time of a row whose {@code time} column holds {@code sourceTime}. */
    public Instant eventTime(long sourceTime) {
        return Instant.ofEpochSecond(
                Math.addExact(origin, Math.multiplyExact(sourceTime - origin, stepSeconds)));
    }

    /** The inverse of {@link #eventTime}: the source value that maps to {@code eventTime}. */
    public long sourceTime(Instant eventTime) {
        return origin + (eventTime.getEpochSecond() - origin) / stepSeconds;
    }

    @Override
    public String toString() {
        if (this.equals(homeC())) {
            return "homec";
        }
        if (this.equals(unixSeconds())) {
            return "unix";
        }
        return origin + ":" + stepSeconds;
    }
}
