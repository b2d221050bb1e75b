package org.mandate.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mandate.document.ReferenceParser;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ReferenceParserBenchmark} (the reference scanner and its one-regex baseline, same
 * text, same run) with JMH and prints both throughputs in MB/s, their ratio and whether the target
 * is met: at least 50 MB/s on one core. Run with {@code ./mandate bench refs}, which starts it
 * through exec-maven-plugin's {@code exec} goal ({@code exec:exec@bench-refs}), as JMH forks JVMs
 * that need the real test classpath. See docs/BENCHMARKS.md.
 */
public final class ReferenceBenchmarks {
    /** MB/s of UTF-8 text (1 MB = 1,000,000 bytes), single thread. */
    static final double TARGET_MB_S = 50;

    private ReferenceBenchmarks() {}

    public static void main(String[] args) throws Exception {
        var text = ReferenceParserBenchmark.text();
        System.out.printf(
                Locale.ROOT,
                "Text: %,d bytes of UTF-8 (%,d chars); %s; %,d references found by the scanner, %,d matches"
                        + " of the baseline pattern.%n",
                text.bytes(),
                text.text().length(),
                text.corpusFiles() > 0
                        ? String.format(
                                Locale.ROOT,
                                "%d corpus texts repeated (%.0f%% of the bytes) between generated prose",
                                text.corpusFiles(),
                                100.0 * text.corpusBytes() / text.bytes())
                        : "no corpus texts found: the built-in mix between generated prose",
                ReferenceParser.extract(text.text()).size(),
                ReferenceParserBenchmark.BASELINE.matcher(text.text()).results().count());

        var options = new OptionsBuilder()
                .include(ReferenceParserBenchmark.class.getName() + "\\.")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, RunResult> byMethod = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            byMethod.put(name.substring(name.lastIndexOf('.') + 1), result);
        }
        double scanner = mbPerSecond(byMethod.get("scanner"), text.bytes());
        double baseline = mbPerSecond(byMethod.get("singleRegexBaseline"), text.bytes());
        boolean met = scanner >= TARGET_MB_S;

        System.out.println();
        System.out.println("Reference parser, one thread, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        System.out.printf(Locale.ROOT, "  scanner (ReferenceParser.extract)   %8.1f MB/s%n", scanner);
        System.out.printf(Locale.ROOT, "  baseline (one regex, Matcher.find)  %8.1f MB/s%n", baseline);
        System.out.printf(Locale.ROOT, "  ratio scanner / baseline            %8.2fx%n", scanner / baseline);
        System.out.printf(
                Locale.ROOT, "  target >= %.0f MB/s on one core       %s%n", TARGET_MB_S, met ? "PASS" : "FAIL");
    }

    /** Bytes per second from the average time per call, whatever unit JMH reported it in. */
    private static double mbPerSecond(RunResult result, int bytes) {
        if (result == null) {
            throw new IllegalStateException("a benchmark did not run");
        }
        var primary = result.getPrimaryResult();
        double score = primary.getScore();
        String unit = primary.getScoreUnit(); // e.g. "ms/op"
        TimeUnit timeUnit = switch (unit.substring(0, unit.indexOf('/'))) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> throw new IllegalStateException("unexpected unit " + unit);
        };
        double seconds = score * timeUnit.toNanos(1) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %.3f ± %.3f %s%n",
                result.getParams().getBenchmark(),
                score,
                primary.getScoreError(),
                unit);
        return bytes / 1e6 / seconds;
    }
}
