package org.mandate.bench;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** Wall-clock latency of repeated calls: warm-up first, then timed calls, reported as percentiles. */
record Latency(int calls, double p50Ms, double p95Ms) {

    /**
     * @param call receives the call number (0, 1, ...), used to pick the seeded input of that call
     * @param budgetMs stop the timed calls early (but after at least 5) once this much time has passed;
     *     the warm-up stops (after at least 3 calls) after a quarter of it
     */
    static Latency measure(int warmUp, int calls, long budgetMs, IntConsumer call) {
        long warmUpEnd = System.nanoTime() + budgetMs * 250_000; // a quarter of the budget at most
        for (int i = 0; i < warmUp; i++) {
            if (i >= 3 && System.nanoTime() > warmUpEnd) {
                break;
            }
            call.accept(i);
        }
        double[] ms = new double[calls];
        long deadline = System.nanoTime() + budgetMs * 1_000_000;
        int n = 0;
        for (; n < calls; n++) {
            if (n >= 5 && System.nanoTime() > deadline) {
                break;
            }
            long start = System.nanoTime();
            call.accept(warmUp + n);
            ms[n] = (System.nanoTime() - start) / 1e6;
        }
        return of(ms, n);
    }

    /** The percentiles of the first {@code n} of the milliseconds. */
    static Latency of(double[] ms, int n) {
        double[] done = Arrays.copyOf(ms, n);
        Arrays.sort(done);
        return new Latency(n, percentile(done, 50), percentile(done, 95));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
