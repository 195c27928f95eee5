package io.passerelle.bench;

import java.util.Arrays;

/** Durations in milliseconds, summarised by nearest-rank percentiles. */
final class Latencies {

    private final double[] sorted;

    Latencies(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    double median() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }
}
