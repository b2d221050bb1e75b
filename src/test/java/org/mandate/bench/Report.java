package org.mandate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table the benchmarks print at the end and write to target/benchmarks.md. */
final class Report {
    /** One measured figure against its baseline; ratio = baseline / ours (above 1: ours is faster). */
    record Row(String name, String ours, String baseline, double ratio, String target, boolean met) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void seconds(String name, double ours, double baseline, double targetSeconds) {
        rows.add(new Row(
                name,
                fmt("%.2f s", ours),
                fmt("%.2f s", baseline),
                baseline / ours,
                fmt("< %.0f s", targetSeconds),
                ours < targetSeconds));
    }

    void latency(String name, Latency ours, Latency baseline, double targetP95Ms) {
        rows.add(new Row(
                name,
                fmt("%.2f / %.2f ms (n=%d)", ours.p50Ms(), ours.p95Ms(), ours.calls()),
                fmt("%.2f / %.2f ms (n=%d)", baseline.p50Ms(), baseline.p95Ms(), baseline.calls()),
                baseline.p95Ms() / ours.p95Ms(),
                fmt("p95 < %.0f ms", targetP95Ms),
                ours.p95Ms() < targetP95Ms));
    }

    static String ratio(double ratio) {
        return ratio < 1 ? fmt("%.3fx", ratio) : fmt("%.1fx", ratio);
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        var out = new StringBuilder();
        out.append(
                "| Benchmark | Ours (p50 / p95) | Baseline (p50 / p95) | Ratio baseline/ours (p95) | Target | Met |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(fmt(
                    "| %s | %s | %s | %s | %s | %s |%n",
                    r.name(), r.ours(), r.baseline(), ratio(r.ratio()), r.target(), r.met() ? "yes" : "**no**"));
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
