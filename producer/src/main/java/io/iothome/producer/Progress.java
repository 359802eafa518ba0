package io.iothome.producer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;

/** Progress of a replay: a bar on a terminal, a log line every few seconds elsewhere. */
interface Progress extends AutoCloseable {

    void step();

    @Override
    void close();

    /** A bar with rows, rate and ETA, for a person at a terminal. */
    static Progress bar(long total) {
        ProgressBar bar =
                new ProgressBarBuilder()
                        .setTaskName("Replaying")
                        .setInitialMax(total)
                        .setUnit(" rows", 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .showSpeed()
                        .setUpdateIntervalMillis(250)
                        .build();
        return new Progress() {
            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** A plain log line every {@code everyMillis}: rows, rate, share done and ETA. */
    static Progress log(Logger log, long total, long everyMillis) {
        return new Progress() {
            private final long start = System.nanoTime();
            private long rows;
            private long nextReport = start + everyMillis * 1_000_000;

            @Override
            public void step() {
                rows++;
                if ((rows & 1023) == 0 && System.nanoTime() >= nextReport) {
                    report();
                    nextReport = System.nanoTime() + everyMillis * 1_000_000;
                }
            }

            private void report() {
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = rows / seconds;
                if (total > 0) {
                    long eta = rate > 0 ? Math.round((total - rows) / rate) : -1;
                    log.info(
                            "{} / {} rows ({} %), {} rows/s, ETA {} s",
                            rows,
                            total,
                            String.format("%.1f", 100.0 * rows / total),
                            Math.round(rate),
                            eta);
                } else {
                    log.info("{} rows, {} rows/s", rows, Math.round(rate));
                }
            }

            @Override
            public void close() {}
        };
    }

    static Progress none() {
        return new Progress() {
            @Override
            public void step() {}

            @Override
            public void close() {}
        };
    }
}
