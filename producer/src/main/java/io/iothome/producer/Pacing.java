package io.iothome.producer;

import io.iothome.model.EventTimePolicy;
import java.util.concurrent.locks.LockSupport;

/** When the next line may be sent. */
interface Pacing {

    /** Blocks until the line may go; {@code line} is the raw CSV line about to be sent. */
    void awaitTurn(byte[] line);

    /** How the pacing reads in a log line. */
    String describe();

    /** No waiting: as fast as Kafka takes the records. */
    static Pacing asFastAsPossible() {
        return new Pacing() {
            @Override
            public void awaitTurn(byte[] line) {}

            @Override
            public String describe() {
                return "as fast as possible";
            }
        };
    }

    /** A fixed number of records per second. */
    static Pacing fixedRate(double recordsPerSecond) {
        return new Pacing() {
            private final long nanosPerRecord = (long) (1e9 / recordsPerSecond);
            private long start = -1;
            private long sent;

            @Override
            public void awaitTurn(byte[] line) {
                if (start < 0) {
                    start = System.nanoTime();
                }
                sleepUntil(start + sent * nanosPerRecord);
                sent++;
            }

            @Override
            public String describe() {
                return recordsPerSecond + " records/s";
            }
        };
    }

    /**
     * Real time scaled by {@code speedup}, paced on the rows' event times: at speedup 600 one data
     * minute passes every 0.1 s. A line whose time cannot be read goes at once (the jobs reject
     * it).
     */
    static Pacing realTime(double speedup, EventTimePolicy policy) {
        return new Pacing() {
            private long firstEventSecond = Long.MIN_VALUE;
            private long start;

            @Override
            public void awaitTurn(byte[] line) {
                long eventSecond;
                try {
                    eventSecond = policy.eventTime(leadingInteger(line)).getEpochSecond();
                } catch (RuntimeException e) {
                    return;
                }
                if (firstEventSecond == Long.MIN_VALUE) {
                    firstEventSecond = eventSecond;
                    start = System.nanoTime();
                    return;
                }
                double dataSeconds = eventSecond - firstEventSecond;
                sleepUntil(start + (long) (dataSeconds / speedup * 1e9));
            }

            @Override
            public String describe() {
                return "real time x " + speedup + " (event time: " + policy + ")";
            }
        };
    }

    /** The integer the line starts with (its time column), read from the bytes. */
    private static long leadingInteger(byte[] line) {
        long value = 0;
        int digits = 0;
        for (byte b : line) {
            if (b == ',') {
                break;
            }
            if (b < '0' || b > '9' || digits == 18) {
                throw new NumberFormatException("time column is not an integer");
            }
            value = value * 10 + (b - '0');
            digits++;
        }
        if (digits == 0) {
            throw new NumberFormatException("empty time column");
        }
        return value;
    }

    private static void sleepUntil(long deadline) {
        for (long wait = deadline - System.nanoTime();
                wait > 0;
                wait = deadline - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
