package org.mandate.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.mandate.organization.AdminUnitImport;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.LevelCount;
import org.mandate.organization.UnitCatalog;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmarks of the organization registry, each reported against a baseline measured in the same
 * run: the import against a plain COPY of the same rows, the reads against naive SQL (recursive
 * CTE over parent links, sequential-scan search), on the real data and on a synthetic million.
 * Run with {@code ./mandate bench}; see docs/BENCHMARKS.md. Arguments: {@code --calls N} (timed
 * calls per read benchmark, default 300), {@code --skip-1m}.
 */
public final class RegistryBenchmarks {
    private static final double IMPORT_TARGET_S = 20;
    private static final double REAL_TARGET_MS = 20;
    private static final double MILLION_TARGET_MS = 50;

    public static void main(String[] args) throws Exception {
        int calls = 300;
        boolean million = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--skip-1m" -> million = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        var report = new Report();
        long started = System.nanoTime();
        try (var app = BenchApp.start("target/bench-data")) {
            var dataSource = app.getBean(DataSource.class);
            var jdbc = JdbcClient.create(dataSource);
            importBenchmark(app, dataSource, report);
            new LatencySuite(
                            "real data",
                            app.getBean(UnitCatalog.class),
                            jdbc,
                            app.getBean(TransactionTemplate.class),
                            calls,
                            60_000)
                    .run(report, REAL_TARGET_MS, calls);
            if (million) {
                millionBenchmark(((HikariDataSource) dataSource).getJdbcUrl(), jdbc, report, calls);
            }
        }
        BenchApp.finish(report, started, "target/benchmarks.md");
    }

    /** The full import (three snapshots and the succession), once, on an empty registry. */
    private static void importBenchmark(ConfigurableApplicationContext app, DataSource dataSource, Report report)
            throws Exception {
        var importer = app.getBean(AdminUnitImport.class);
        long start = System.nanoTime();
        var result = importer.importBundled();
        double seconds = BenchApp.secondsSince(start);
        if (result.unchanged()) {
            throw new IllegalStateException("the registry was not empty: the import was skipped");
        }
        double floor = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the floor: best of three
            floor = Math.min(floor, copyBaseline(dataSource));
        }
        System.out.printf("import %.2f s, COPY baseline %.2f s%n", seconds, floor);
        report.seconds("Full import of the real data (3 snapshots + succession)", seconds, floor, IMPORT_TARGET_S);
        report.note(
                Report.fmt("Import baseline: the same CSV files read from the classpath and loaded with COPY into plain"
                        + " text staging tables in one transaction (best of 3); the import also plans the history,"
                        + " writes units, versions, events and successions and maintains every index."));
    }

    /** Seconds to read the bundled CSV files and COPY their rows into plain staging tables. */
    static double copyBaseline(DataSource dataSource) throws Exception {
        long start = System.nanoTime();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:admin-units/*.csv");
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("DROP TABLE IF EXISTS bench_stage_unit, bench_stage_succession");
            st.execute("CREATE TABLE bench_stage_unit (code text, level text, kind text, name text, full_name text,"
                    + " name_en text, full_name_en text, parent_code text)");
            st.execute("CREATE TABLE bench_stage_succession (effective_date date, level text, old_code text,"
                    + " old_name text, new_code text, new_name text, share text)");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Resource file : files) {
                String text;
                try (var in = file.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String table =
                        file.getFilename().startsWith("succession") ? "bench_stage_succession" : "bench_stage_unit";
                copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", new StringReader(text));
            }
            c.commit();
            double seconds = BenchApp.secondsSince(start);
            st.execute("DROP TABLE bench_stage_unit, bench_stage_succession");
            c.commit();
            return seconds;
        }
    }

    /**
     * The synthetic million, in its own database bench1m on the same embedded cluster, read through
     * a second application context whose datasource points at it: Flyway migrates it at startup and
     * the reads go through the product's own UnitCatalog, so the SQL measured is the product's.
     */
    private static void millionBenchmark(String appUrl, JdbcClient admin, Report report, int calls) throws Exception {
        admin.sql("DROP DATABASE IF EXISTS bench1m").update();
        admin.sql("CREATE DATABASE bench1m").update();
        String url = appUrl.replaceFirst("/postgres(\\?|$)", "/bench1m$1");
        try (var bench = BenchApp.run(
                List.of(),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=4")) {
            var dataSource = bench.getBean(DataSource.class);
            var jdbc = JdbcClient.create(dataSource);
            double seconds = SyntheticRegistry.generate(dataSource);
            long versions = jdbc.sql("SELECT count(*) FROM org_unit_version")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "synthetic tree: %d units, %d versions in %.1f s%n", SyntheticRegistry.UNITS, versions, seconds);
            var catalog = bench.getBean(UnitCatalog.class);
            checkCounts(catalog, jdbc);
            report.note(Report.fmt(
                    "Synthetic tree: %,d units, %,d versions, generated, indexed and analyzed in %.0f s"
                            + " (database bench1m, migrated by Flyway).",
                    SyntheticRegistry.UNITS, versions, seconds));
            new LatencySuite("1M synthetic", catalog, jdbc, bench.getBean(TransactionTemplate.class), 20, 60_000)
                    .run(report, MILLION_TARGET_MS, Math.max(200, calls * 2 / 3));
        }
    }

    /** The count deltas kept by the statement trigger must agree with a plain count of versions. */
    private static void checkCounts(UnitCatalog catalog, JdbcClient jdbc) {
        for (LocalDate date : LatencySuite.DATES) {
            Map<String, Long> fromDeltas = new LinkedHashMap<>();
            for (LevelCount c : catalog.countsByLevel(Hierarchy.LOCALITY, null, date)) {
                fromDeltas.put(c.level(), c.count());
            }
            Map<String, Long> counted = new LinkedHashMap<>();
            jdbc.sql("SELECT level, count(*) AS n FROM org_unit_version WHERE valid @> :date GROUP BY level")
                    .param("date", date)
                    .query((rs, n) -> counted.put(rs.getString("level"), rs.getLong("n")))
                    .list();
            if (!fromDeltas.equals(counted)) {
                throw new IllegalStateException(
                        "count deltas " + fromDeltas + " but counted " + counted + " on " + date);
            }
            System.out.println("counts on " + date + ": " + fromDeltas + " (deltas agree with a full count)");
        }
    }
}
