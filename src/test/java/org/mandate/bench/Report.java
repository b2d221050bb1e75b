package org.mandate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The table the benchmarks print at the end and write to target/benchmarks*.md ({@link BenchApp#finish}),
 * with the notes under it.
 */
final class Report {
    static final String HEADER =
            "| Benchmark | Ours (p50 / p95) | Baseline (p50 / p95) | Ratio baseline/ours (p95) | Target | Met |";

    /**
     * One measured figure against its baseline; ratio = baseline / ours (above 1: ours is faster) in the usual table;
     * {@code met} null for a figure with no target (shown for information).
     */
    record Row(
            String name,
            String ours,
            String baseline,
            String ratio,
            String target,
            @Nullable Boolean met) {}

    private final String header;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report() {
        this(HEADER);
    }

    /** A table with other columns' titles (six of them): its rows are added with {@link #row}. */
    Report(String header) {
        this.header = header;
    }

    /** A row written as the caller formatted it; the ratio, for instance, the other way round. */
    void row(String name, String ours, String baseline, String ratio, String target, @Nullable Boolean met) {
        rows.add(new Row(name, ours, baseline, ratio, target, met));
    }

    void seconds(String name, double ours, double baseline, double targetSeconds) {
        rows.add(new Row(
                name,
                fmt("%.2f s", ours),
                fmt("%.2f s", baseline),
                ratio(baseline / ours),
                fmt("< %.0f s", targetSeconds),
                ours < targetSeconds));
    }

    void latency(String name, Latency ours, Latency baseline, double targetP95Ms) {
        rows.add(new Row(
                name,
                fmt("%.2f / %.2f ms (n=%d)", ours.p50Ms(), ours.p95Ms(), ours.calls()),
                fmt("%.2f / %.2f ms (n=%d)", baseline.p50Ms(), baseline.p95Ms(), baseline.calls()),
                ratio(baseline.p95Ms() / ours.p95Ms()),
                fmt("p95 < %.0f ms", targetP95Ms),
                ours.p95Ms() < targetP95Ms));
    }

    /** Seconds with a target and no baseline. */
    void seconds(String name, double ours, double targetSeconds) {
        rows.add(new Row(name, fmt("%.2f s", ours), "-", "-", fmt("< %.0f s", targetSeconds), ours < targetSeconds));
    }

    /** A latency with two targets: the p95, and how many times faster than the baseline it must be. */
    void latency(String name, Latency ours, Latency baseline, double targetP95Ms, double minRatio) {
        double ratio = baseline.p95Ms() / ours.p95Ms();
        rows.add(new Row(
                name,
                fmt("%.2f / %.2f ms (n=%d)", ours.p50Ms(), ours.p95Ms(), ours.calls()),
                fmt("%.2f / %.2f ms (n=%d)", baseline.p50Ms(), baseline.p95Ms(), baseline.calls()),
                ratio(ratio),
                fmt("p95 < %.0f ms and ≥ %.0fx", targetP95Ms, minRatio),
                ours.p95Ms() < targetP95Ms && ratio >= minRatio));
    }

    /** A latency shown for information, with no target. */
    void latency(String name, Latency ours, Latency baseline, String target) {
        rows.add(new Row(
                name,
                fmt("%.2f / %.2f ms (n=%d)", ours.p50Ms(), ours.p95Ms(), ours.calls()),
                fmt("%.2f / %.2f ms (n=%d)", baseline.p50Ms(), baseline.p95Ms(), baseline.calls()),
                ratio(baseline.p95Ms() / ours.p95Ms()),
                target,
                null));
    }

    /**
     * A latency that may be at most {@code maxSlowdown} times its baseline's (p95): the cost of a
     * check added to a query, for instance (access, issue 3).
     */
    void within(String name, Latency ours, Latency baseline, double maxSlowdown) {
        rows.add(new Row(
                name,
                fmt("%.2f / %.2f ms (n=%d)", ours.p50Ms(), ours.p95Ms(), ours.calls()),
                fmt("%.2f / %.2f ms (n=%d)", baseline.p50Ms(), baseline.p95Ms(), baseline.calls()),
                ratio(baseline.p95Ms() / ours.p95Ms()),
                fmt("p95 ≤ %.1fx the baseline's", maxSlowdown),
                ours.p95Ms() <= maxSlowdown * baseline.p95Ms()));
    }

    static String ratio(double ratio) {
        if (Double.isNaN(ratio)) {
            return "-";
        }
        return ratio < 1 ? fmt("%.3fx", ratio) : fmt("%.1fx", ratio);
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        var out = new StringBuilder();
        out.append(header).append('\n');
        out.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(fmt(
                    "| %s | %s | %s | %s | %s | %s |%n",
                    r.name(),
                    r.ours(),
                    r.baseline(),
                    r.ratio(),
                    r.target(),
                    r.met() == null ? "-" : r.met() ? "yes" : "**no**"));
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
