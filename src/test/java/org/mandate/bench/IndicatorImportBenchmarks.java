package org.mandate.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import javax.sql.DataSource;
import org.mandate.access.Scopes;
import org.mandate.indicator.IndicatorCatalogue;
import org.mandate.indicator.NewIndicator;
import org.mandate.indicator.PeriodType;
import org.mandate.indicator.Rollup;
import org.mandate.indicator.ValueImport;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import of a million values from CSV (issue 6) against PostgreSQL's own COPY of the same file
 * into a table without indexes, run in the same run on the same database. Ours is the product's
 * {@link ValueImport#importFile} as an import over HTTP runs it (less the upload): read and check
 * every row, COPY into a temporary table, look up units, periods and indicators, check scope,
 * write into {@code indicator_value} (three indexes, foreign keys) and the audit log, commit.
 * Several rounds, alternating, each into an empty table; the medians are compared. Then the same
 * file once more over the values it wrote (every figure unchanged), and COPY of the same values,
 * already resolved to ids, into {@code indicator_value} itself: the cost of the table's indexes and
 * foreign keys, which any import into it pays, for information. Run with
 * {@code ./mandate bench indicator-import}; see docs/BENCHMARKS.md. Arguments: {@code --values N}
 * (default 1,000,000), {@code --rounds N} (default 3).
 */
public final class IndicatorImportBenchmarks {
    static final double TARGET_RATIO = 3.0;
    static final long SEED = 20250701L;

    private IndicatorImportBenchmarks() {}

    public static void main(String[] args) throws Exception {
        long values = 1_000_000;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--values" -> values = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        var report = new Report("| Benchmark | Ours | Baseline (COPY) | Ratio ours/COPY | Target | Met |");
        long started = System.nanoTime();
        try (var app =
                BenchApp.start("target/bench-indicator-data", "logging.level.org.mandate.indicator.ValueImport=INFO")) {
            var dataSource = app.getBean(DataSource.class);
            var jdbc = JdbcClient.create(dataSource);
            BenchApp.importUnits(app);

            var units = IndicatorDataset.communeCodes(jdbc);
            int needed = IndicatorDataset.indicatorsNeeded(values, units.size());
            var codes = new ArrayList<String>();
            try (var job = Scopes.asSystem("bench")) {
                var catalogue = app.getBean(IndicatorCatalogue.class);
                for (int i = 1; i <= needed; i++) {
                    String code = "bench.m%02d".formatted(i);
                    catalogue.create(new NewIndicator(
                            code,
                            "Chỉ tiêu thử nghiệm " + i,
                            "Benchmark indicator " + i,
                            "người",
                            "higher",
                            PeriodType.MONTH,
                            Rollup.SUM,
                            null,
                            null));
                    codes.add(code);
                }
            }
            Path file = Path.of("target/bench-indicator-data/values.csv");
            var data = IndicatorDataset.write(file, values, units, codes, "người", SEED);
            System.out.printf(
                    "wrote %,d rows (%,d units x %d indicators x months %s..%s), %.1f MB%n",
                    data.rows(),
                    data.units(),
                    data.indicators(),
                    data.periods().getFirst(),
                    data.periods().getLast(),
                    Files.size(file) / 1e6);
            report.note(Report.fmt(
                    "Data: %,d rows, %.1f MB of CSV (UTF-8, LF, the template's Vietnamese header), seed %d: the codes of"
                            + " the %,d communes and wards standing today whose code stood on 1 July 2025, %d monthly"
                            + " indicators (sum, 'người'), the months %s..%s; figures with one decimal.",
                    data.rows(),
                    Files.size(file) / 1e6,
                    SEED,
                    data.units(),
                    data.indicators(),
                    data.periods().getFirst(),
                    data.periods().getLast()));

            jdbc.sql("""
                            CREATE TABLE bench_copy (unit_code text, period text, indicator text, value numeric,
                                                     unit_of_measure text)
                            """).update();
            var imports = app.getBean(ValueImport.class);
            double[] copy = new double[rounds];
            double[] ours = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                jdbc.sql("TRUNCATE bench_copy").update();
                jdbc.sql("CHECKPOINT").update();
                copy[r] = copy(dataSource, file);
                jdbc.sql("TRUNCATE indicator_value").update();
                jdbc.sql("CHECKPOINT").update();
                ours[r] = ours(imports, file, data.rows());
                check(jdbc, data);
                System.out.printf(
                        "round %d: COPY %.2f s, import %.2f s, ratio %.2fx%n",
                        r + 1, copy[r], ours[r], ours[r] / copy[r]);
            }
            double again = ours(imports, file, 0);
            System.out.printf("the same file again (every figure unchanged): %.2f s%n", again);
            check(jdbc, data);

            // the floor: PostgreSQL's COPY of the same values, already resolved to ids, into indicator_value
            // itself (its three indexes and foreign keys), which any import into the table pays
            Path resolved = Path.of("target/bench-indicator-data/resolved.csv");
            try (Connection c = dataSource.getConnection();
                    var out = Files.newOutputStream(resolved)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut(
                                "COPY (SELECT indicator_id, unit_id, period, value, entered_by FROM indicator_value"
                                        + " WHERE superseded_by IS NULL ORDER BY indicator_id, unit_id, period) TO STDOUT (FORMAT csv)",
                                out);
            }
            jdbc.sql("TRUNCATE indicator_value").update();
            jdbc.sql("CHECKPOINT").update();
            long f = System.nanoTime();
            try (Connection c = dataSource.getConnection();
                    InputStream in = Files.newInputStream(resolved)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY indicator_value (indicator_id, unit_id, period, value, entered_by) FROM STDIN (FORMAT csv)",
                                in,
                                1 << 16);
            }
            double floor = BenchApp.secondsSince(f);
            check(jdbc, data);
            System.out.printf("COPY of the resolved values into indicator_value: %.2f s%n", floor);

            double copyMedian = median(copy);
            double oursMedian = median(ours);
            double ratio = oursMedian / copyMedian;
            report.row(
                    Report.fmt(
                            "Import of %,d values from CSV, validation included (median of %d)", data.rows(), rounds),
                    Report.fmt("%.2f s", oursMedian),
                    Report.fmt("%.2f s", copyMedian),
                    Report.fmt("%.2fx", ratio),
                    Report.fmt("≤ %.0fx", TARGET_RATIO),
                    ratio <= TARGET_RATIO);
            report.row(
                    "The same file again, every figure unchanged (once)",
                    Report.fmt("%.2f s", again),
                    Report.fmt("%.2f s", copyMedian),
                    Report.fmt("%.2fx", again / copyMedian),
                    "-",
                    null);
            report.row(
                    "Import against COPY of the same values, resolved to ids, into indicator_value (once)",
                    Report.fmt("%.2f s", oursMedian),
                    Report.fmt("%.2f s", floor),
                    Report.fmt("%.2fx", oursMedian / floor),
                    "-",
                    null);
            report.note(Report.fmt(
                    "Rounds (COPY, import): %s. Each round empties the table first and runs a CHECKPOINT.",
                    roundList(copy, ours)));
            report.note("Baseline: COPY bench_copy FROM STDIN (FORMAT csv, HEADER) through pgjdbc's CopyManager,"
                    + " streaming the same file from disk, into a table with the same five columns (value numeric)"
                    + " and no index, autocommit. Ours: ValueImport.importFile on the file's stream, as POST"
                    + " /api/indicators/import runs it after the upload, in the whole-country scope of a system job:"
                    + " the values are checked (counted and summed afterwards: all of them, equal).");
        }
        BenchApp.finish(report, started, "target/benchmarks-indicator-import.md");
    }

    private static double copy(DataSource dataSource, Path file) throws Exception {
        long t = System.nanoTime();
        try (Connection c = dataSource.getConnection();
                InputStream in = Files.newInputStream(file)) {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
        }
        return BenchApp.secondsSince(t);
    }

    private static double ours(ValueImport imports, Path file, long expectedEntered) throws Exception {
        long t = System.nanoTime();
        ValueImport.Imported result;
        try (var job = Scopes.asSystem("bench");
                InputStream in = Files.newInputStream(file)) {
            result = imports.importFile("values.csv", in);
        }
        double s = BenchApp.secondsSince(t);
        if (result.entered() != expectedEntered) {
            throw new IllegalStateException(
                    "entered " + result.entered() + ", expected " + expectedEntered + ": " + result);
        }
        return s;
    }

    private static void check(JdbcClient jdbc, IndicatorDataset.Written data) {
        var found = jdbc.sql("SELECT count(*) AS n, sum(value) AS s FROM indicator_value WHERE superseded_by IS NULL")
                .query((rs, n) -> new Object[] {rs.getLong("n"), rs.getBigDecimal("s")})
                .single();
        BigDecimal expected = BigDecimal.valueOf(data.sumTenths(), 1);
        if ((long) found[0] != data.rows() || ((BigDecimal) found[1]).compareTo(expected) != 0) {
            throw new IllegalStateException("indicator_value holds " + found[0] + " values summing to " + found[1]
                    + "; the file has " + data.rows() + " summing to " + expected);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String roundList(double[] copy, double[] ours) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < copy.length; i++) {
            parts.add(Report.fmt("(%.2f s, %.2f s)", copy[i], ours[i]));
        }
        return String.join(", ", parts);
    }
}
