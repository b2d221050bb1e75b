package org.mandate.bench;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read benchmarks of one registry (the real data, or the synthetic million): the product's
 * {@link UnitCatalog} against a naive baseline written here, on the same seeded random inputs.
 */
final class LatencySuite {
    static final List<LocalDate> DATES = List.of(
            LocalDate.parse("2024-10-09"),
            LocalDate.parse("2025-03-01"),
            LocalDate.parse("2025-08-01"),
            LocalDate.parse("2026-08-01"));

    /** Naive subtree: walk parent_id links down from the root, checking validity at each step. */
    static final String SUBTREE_CTE = """
            WITH RECURSIVE sub AS (
                SELECT v.unit_id, v.level, v.code, v.name, 0 AS depth
                  FROM org_unit_version v
                 WHERE v.code = :root AND v.valid @> :date
                UNION ALL
                SELECT c.unit_id, c.level, c.code, c.name, sub.depth + 1
                  FROM sub JOIN org_unit_version c ON c.parent_id = sub.unit_id AND c.valid @> :date
            )
            SELECT code, name, count(*) OVER () AS total
              FROM sub WHERE depth > 0 AND level = :level
             ORDER BY code LIMIT 50
            """;
    /** Naive counts for the whole tree: walk down from every root standing on the date. */
    static final String COUNTS_CTE = """
            WITH RECURSIVE sub AS (
                SELECT v.unit_id, v.level FROM org_unit_version v
                 WHERE v.parent_id IS NULL AND v.valid @> :date
                UNION ALL
                SELECT c.unit_id, c.level
                  FROM sub JOIN org_unit_version c ON c.parent_id = sub.unit_id AND c.valid @> :date
            )
            SELECT level, count(*) FROM sub GROUP BY level
            """;
    /** Naive counts below a unit. */
    static final String COUNTS_BELOW_CTE = """
            WITH RECURSIVE sub AS (
                SELECT v.unit_id, v.level, 0 AS depth FROM org_unit_version v
                 WHERE v.code = :root AND v.valid @> :date
                UNION ALL
                SELECT c.unit_id, c.level, sub.depth + 1
                  FROM sub JOIN org_unit_version c ON c.parent_id = sub.unit_id AND c.valid @> :date
            )
            SELECT level, count(*) FROM sub WHERE depth > 0 GROUP BY level
            """;
    /** A plain substring match (the product's before V14), by sequential scan (index scans are turned off around it). */
    static final String SEARCH_SEQSCAN = """
            SELECT code, name, count(*) OVER () AS total
              FROM org_unit_version v
             WHERE v.valid @> :date AND v.search_text LIKE '%' || fold_text(:q) || '%'
             ORDER BY code LIMIT 20
            """;

    private final String label;
    private final UnitCatalog catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final int baselineCalls;
    private final long baselineBudgetMs;

    LatencySuite(
            String label,
            UnitCatalog catalog,
            JdbcClient jdbc,
            TransactionTemplate tx,
            int baselineCalls,
            long baselineBudgetMs) {
        this.label = label;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.tx = tx;
        this.baselineCalls = baselineCalls;
        this.baselineBudgetMs = baselineBudgetMs;
    }

    record Root(LocalDate date, String code) {}

    void run(Report report, double targetMs, int calls) {
        var random = new Random(20250701L);
        List<Root> provinces = roots("province", DATES, random, calls);
        List<LocalDate> districtDates =
                DATES.stream().filter(d -> !codes("district", d).isEmpty()).toList();
        List<Root> districts = roots("district", districtDates, random, calls);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            dates.add(DATES.get(random.nextInt(DATES.size())));
        }
        List<String> queries = searchTexts(random, calls);

        pair(
                report,
                label + ": subtree as of date, province root",
                targetMs,
                calls,
                i -> {
                    Root r = provinces.get(i % provinces.size());
                    catalog.find(new UnitQuery(r.date(), Hierarchy.LOCALITY, "commune", r.code(), null, 0, 50));
                },
                i -> subtreeBaseline(provinces.get(i % provinces.size())));
        pair(
                report,
                label + ": subtree as of date, district root",
                targetMs,
                calls,
                i -> {
                    Root r = districts.get(i % districts.size());
                    catalog.find(new UnitQuery(r.date(), Hierarchy.LOCALITY, "commune", r.code(), null, 0, 50));
                },
                i -> subtreeBaseline(districts.get(i % districts.size())));
        pair(
                report,
                label + ": counts by level, whole tree",
                targetMs,
                calls,
                i -> catalog.countsByLevel(Hierarchy.LOCALITY, null, dates.get(i % dates.size())),
                i -> jdbc.sql(COUNTS_CTE)
                        .param("date", dates.get(i % dates.size()))
                        .query()
                        .listOfRows());
        pair(
                report,
                label + ": counts by level, below a province",
                targetMs,
                calls,
                i -> {
                    Root r = provinces.get(i % provinces.size());
                    catalog.countsByLevel(Hierarchy.LOCALITY, r.code(), r.date());
                },
                i -> {
                    Root r = provinces.get(i % provinces.size());
                    jdbc.sql(COUNTS_BELOW_CTE)
                            .param("root", r.code())
                            .param("date", r.date())
                            .query()
                            .listOfRows();
                });
        pair(
                report,
                label + ": name search (tone marks, none, one typo)",
                targetMs,
                calls,
                i -> {
                    LocalDate date = dates.get(i % dates.size());
                    catalog.find(new UnitQuery(
                            date, Hierarchy.LOCALITY, null, null, queries.get(i % queries.size()), 0, 20));
                },
                i -> tx.executeWithoutResult(status -> {
                    jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
                    jdbc.sql("SET LOCAL enable_indexscan = off").update();
                    jdbc.sql(SEARCH_SEQSCAN)
                            .param("date", dates.get(i % dates.size()))
                            .param("q", queries.get(i % queries.size()))
                            .query()
                            .listOfRows();
                }));
    }

    private void pair(Report report, String name, double targetMs, int calls, IntConsumer ours, IntConsumer baseline) {
        Latency mine = Latency.measure(Math.min(50, calls), calls, 120_000, ours);
        Latency base = Latency.measure(Math.min(3, baselineCalls), baselineCalls, baselineBudgetMs, baseline);
        report.latency(name, mine, base, targetMs);
        System.out.printf(
                "%-70s ours p50 %8.2f p95 %8.2f ms (n=%d) | baseline p50 %8.2f p95 %8.2f ms (n=%d)%n",
                name, mine.p50Ms(), mine.p95Ms(), mine.calls(), base.p50Ms(), base.p95Ms(), base.calls());
    }

    private void subtreeBaseline(Root r) {
        jdbc.sql(SUBTREE_CTE)
                .param("root", r.code())
                .param("date", r.date())
                .param("level", "commune")
                .query()
                .listOfRows();
    }

    private List<Root> roots(String level, List<LocalDate> dates, Random random, int count) {
        List<List<String>> byDate = dates.stream().map(d -> codes(level, d)).toList();
        List<Root> roots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int d = random.nextInt(dates.size());
            List<String> codes = byDate.get(d);
            roots.add(new Root(dates.get(d), codes.get(random.nextInt(codes.size()))));
        }
        return roots;
    }

    private List<String> codes(String level, LocalDate date) {
        return jdbc.sql("SELECT code FROM org_unit_version WHERE level = :level AND valid @> :date ORDER BY code")
                .param("level", level)
                .param("date", date)
                .query(String.class)
                .list();
    }

    /** Names from the data: a third as written, a third without tone marks, a third with one typo. */
    private List<String> searchTexts(Random random, int count) {
        List<String> names = jdbc.sql(
                        "SELECT DISTINCT name FROM org_unit_version WHERE id % greatest(1, (SELECT count(*) FROM org_unit_version) / 2000) = 0 ORDER BY name")
                .query(String.class)
                .list();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = names.get(random.nextInt(names.size()));
            texts.add(
                    switch (i % 3) {
                        case 0 -> name;
                        case 1 -> fold(name);
                        default -> typo(fold(name), random);
                    });
        }
        return texts;
    }

    static String fold(String text) {
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase();
    }

    /** One letter replaced by another (never a space), as a slip of the keyboard would. */
    static String typo(String text, Random random) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters.add(i);
            }
        }
        if (letters.isEmpty()) {
            return text;
        }
        int at = letters.get(random.nextInt(letters.size()));
        char was = text.charAt(at);
        char now = (char) ('a' + Math.floorMod(was - 'a' + 1 + random.nextInt(25), 26));
        return text.substring(0, at) + now + text.substring(at + 1);
    }
}
