package org.mandate.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Ten million indicator values written set-based, in the database, into the real registry's
 * database: 200 indicators over the 15 years 2011-2025, reported by every unit of their level
 * standing on the last day of each period, so that the years before the 2025 reform are reported
 * by the 63 old provinces, their districts and communes, and the periods after it by today's:
 *
 * <ul>
 *   <li>55 indicators by commune, by year: {@code bench-c-001} (population, a sum, the weight of the
 *       averages), 39 more sums, 10 averages weighted by the population, 5 not additive (a rank);
 *   <li>20 by district, by quarter (after the districts ended on 1 July 2025, by province): 18
 *       sums, 2 not additive;
 *   <li>125 by province, by month: 120 sums, 5 not additive.
 * </ul>
 *
 * Values and states come from a seeded hash of (unit, indicator, period) ({@code
 * hashint8extended}), so the data set is the same on every run: sums 100-99,999, populations
 * 1,000-49,000, rates 0-99.9, ranks 1-63; 70% approved, 20% submitted, 10% draft. The foreign keys
 * and secondary indexes of indicator_value are dropped for the load and re-created from their own
 * catalog definitions afterwards; then the table is vacuumed and analyzed (the roll-up reads it
 * index-only, which needs the visibility map).
 */
final class RollUpDataset {
    static final int FIRST_YEAR = 2011;
    static final int LAST_YEAR = 2025;
    /** The day the districts ended (the 2025 reform): district indicators are reported by provinces from then. */
    static final String REFORM = "2025-07-01";

    record Result(long values, Map<String, Long> byGroup, Map<String, Double> stepSeconds) {
        double seconds() {
            return stepSeconds.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
    }

    private RollUpDataset() {}

    static Result generate(DataSource dataSource, long seed) throws SQLException {
        var steps = new LinkedHashMap<String, Double>();
        var byGroup = new LinkedHashMap<String, Long>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("SET maintenance_work_mem = '256MB'");
            long t = System.nanoTime();
            indicators(st);
            List<String> recreate = BenchApp.dropSecondary(st, List.of("indicator_value"));
            // the epochs (V16) are written once at the end, as the trigger would for each insert
            st.execute("ALTER TABLE indicator_value DISABLE TRIGGER indicator_value_epoch_insert");
            steps.put("indicators, drop indexes", BenchApp.secondsSince(t));

            t = System.nanoTime();
            for (int from = 1; from <= 55; from += 11) {
                byGroup.merge(
                        "commune, year", insert(st, seed, "c", from, from + 10, YEARS, "commune", null), Long::sum);
            }
            byGroup.put("district, quarter", insert(st, seed, "d", 1, 20, QUARTERS, "district", "province"));
            byGroup.put("province, month", insert(st, seed, "p", 1, 125, MONTHS, "province", "province"));
            steps.put("INSERT ... SELECT of the values", BenchApp.secondsSince(t));

            t = System.nanoTime();
            for (String sql : recreate) {
                st.execute(sql);
            }
            st.execute("ALTER TABLE indicator_value ENABLE TRIGGER indicator_value_epoch_insert");
            st.execute("""
                    INSERT INTO indicator_value_epoch (indicator_id, period_start, epoch)
                    SELECT DISTINCT indicator_id, period_start, 1 FROM indicator_value
                        ON CONFLICT (indicator_id, period_start) DO UPDATE SET epoch = indicator_value_epoch.epoch + 1
                    """);
            steps.put("indexes, foreign keys and epochs", BenchApp.secondsSince(t));
            t = System.nanoTime();
            st.execute("VACUUM (ANALYZE) indicator_value");
            steps.put("VACUUM ANALYZE", BenchApp.secondsSince(t));
        }
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        return new Result(total, byGroup, steps);
    }

    /** The values of an earlier run, counted by group ({@code --reuse}; nothing generated). */
    static Result describe(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        var byGroup = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                        SELECT i.period_type, count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
                         WHERE i.code LIKE 'bench-%' GROUP BY i.period_type ORDER BY i.period_type DESC
                        """)
                .query((rs, n) -> byGroup.put(rs.getString(1) + " (reused)", rs.getLong(2)))
                .list();
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        return new Result(total, byGroup, Map.of("reused from the previous run", 0.0));
    }

    /** The 200 indicators: code, name, rule; the averages weigh by bench-c-001. */
    private static void indicators(Statement st) throws SQLException {
        st.execute("""
                INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, direction, period_type, rollup, created_by)
                SELECT 'bench-' || g.kind || '-' || lpad(n::text, 3, '0'),
                       'Chỉ tiêu thử ' || g.kind || n, 'Bench indicator ' || g.kind || n,
                       CASE WHEN r.rollup = 'none' THEN 'hạng' ELSE 'đơn vị' END, 'higher', g.period_type, r.rollup,
                       'bench'
                  FROM (VALUES ('c', 'year', 55), ('d', 'quarter', 20), ('p', 'month', 125)) g(kind, period_type, count)
                  CROSS JOIN LATERAL generate_series(1, g.count) n
                  CROSS JOIN LATERAL (SELECT CASE
                        WHEN g.kind = 'c' AND n BETWEEN 41 AND 50 THEN 'weighted_average'
                        WHEN n > g.count - CASE g.kind WHEN 'd' THEN 2 ELSE 5 END THEN 'none'
                        ELSE 'sum' END AS rollup) r
                 WHERE r.rollup <> 'weighted_average'
                 ORDER BY g.kind, n
                """);
        st.execute("""
                INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, direction, period_type, rollup,
                                       weight_indicator_id, created_by)
                SELECT 'bench-c-0' || n, 'Thu nhập bình quân thử ' || n, 'Bench average ' || n, 'triệu đồng/người',
                       'higher', 'year', 'weighted_average', (SELECT id FROM indicator WHERE code = 'bench-c-001'), 'bench'
                  FROM generate_series(41, 50) n
                """);
    }

    /** The periods of a type with their last day: a CTE body. */
    private static final String YEARS = """
            SELECT y::text AS period, make_date(y, 12, 31) AS last_day, y * 100 AS ord
              FROM generate_series(%d, %d) y
            """.formatted(FIRST_YEAR, LAST_YEAR);

    private static final String QUARTERS = """
            SELECT y || '-Q' || q AS period, (make_date(y, q * 3, 1) + interval '1 month' - interval '1 day')::date AS last_day,
                   y * 100 + q AS ord
              FROM generate_series(%d, %d) y, generate_series(1, 4) q
            """.formatted(FIRST_YEAR, LAST_YEAR);

    private static final String MONTHS = """
            SELECT y || '-' || lpad(m::text, 2, '0') AS period,
                   (make_date(y, m, 1) + interval '1 month' - interval '1 day')::date AS last_day, y * 100 + m AS ord
              FROM generate_series(%d, %d) y, generate_series(1, 12) m
            """.formatted(FIRST_YEAR, LAST_YEAR);

    /**
     * The values of indicators bench-KIND-FROM..TO for every period, by every locality of the level
     * standing on the period's last day (from the reform on, of {@code afterReform} instead).
     */
    private static long insert(
            Statement st, long seed, String kind, int from, int to, String periods, String level, String afterReform)
            throws SQLException {
        long t = System.nanoTime();
        String sql = """
                INSERT INTO indicator_value (indicator_id, unit_id, period, value, state, entered_by)
                SELECT i.id, v.unit_id, p.period,
                       CASE WHEN i.rollup = 'none' THEN 1 + h.h %% 63
                            WHEN i.rollup = 'weighted_average' THEN (h.h %% 1000) / 10.0
                            WHEN i.code = 'bench-c-001' THEN 1000 + h.h %% 48001
                            ELSE 100 + h.h %% 99900 END,
                       CASE WHEN (h.h / 7) %% 10 < 7 THEN 'approved' WHEN (h.h / 7) %% 10 < 9 THEN 'submitted'
                            ELSE 'draft' END,
                       'bench'
                  FROM indicator i
                  CROSS JOIN (%s) p
                  JOIN org_unit_version v
                    ON v.valid @> p.last_day
                   AND v.level = CASE WHEN p.last_day >= DATE '%s' THEN '%s' ELSE '%s' END
                  JOIN org_unit u ON u.id = v.unit_id AND u.hierarchy = 'locality'
                  CROSS JOIN LATERAL (SELECT hashint8extended(v.unit_id * 1000003 + i.id * 100003 + p.ord, %d) & 9223372036854775807 AS h) h
                 WHERE i.code BETWEEN 'bench-%s-%03d' AND 'bench-%s-%03d'
                """.formatted(
                        periods, REFORM, afterReform == null ? level : afterReform, level, seed, kind, from, kind, to);
        long n = st.executeLargeUpdate(sql);
        System.out.printf(
                "  %,d values of bench-%s-%03d..%03d in %.1f s%n", n, kind, from, to, BenchApp.secondsSince(t));
        return n;
    }
}
