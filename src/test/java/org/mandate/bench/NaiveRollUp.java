package org.mandate.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The baseline of the indicator benchmark: the roll-up of one indicator for one period to the top
 * of the hierarchy computed at query time, with no derived table. As it is now: each value's unit
 * is carried through org_succession (the successions of its last succession date: one full share
 * whole, else the partial shares by weight when all have one, else equally; fractions multiply,
 * at most 10 steps) by a recursive walk until units standing today, then walked up today's parent
 * links by a second recursive walk. As it was: each value's unit is taken in its version of the
 * period's last day (its last version, if it ended during the period) and walked up the parent
 * links standing on that day. The pieces are not rounded (the product rounds each to 6 decimals).
 */
final class NaiveRollUp {
    record Figure(BigDecimal value, boolean estimate) {}

    private static final String VALUES = """
            ind AS (SELECT id, rollup, weight_indicator_id FROM indicator WHERE code = :code),
            vals AS (
                SELECT iv.unit_id, iv.value, w.value AS weight, iv.period_start, iv.period_end
                  FROM ind JOIN indicator_value iv ON iv.indicator_id = ind.id
                                                  AND iv.period_start = period_first_day(:period)
                                                  AND iv.superseded_by IS NULL
                  LEFT JOIN indicator_value w ON w.indicator_id = ind.weight_indicator_id AND w.unit_id = iv.unit_id
                                             AND w.period_start = iv.period_start AND w.superseded_by IS NULL)
            """;

    /** The rule applied to the pieces of one top unit. */
    private static final String COMBINE = """
            SELECT u.unit_id,
                   CASE (SELECT rollup FROM ind)
                       WHEN 'sum' THEN sum(v.value * u.fraction)
                       WHEN 'weighted_average' THEN
                           CASE WHEN count(*) = 1 THEN min(v.value)
                                ELSE sum(v.value * v.weight * u.fraction) / nullif(sum(v.weight * u.fraction), 0) END
                       ELSE CASE WHEN count(*) = 1 THEN min(v.value) END END AS value,
                   bool_or(NOT u.exact) AS estimate
              FROM up u JOIN vals v ON v.unit_id = u.src
             WHERE u.parent_id IS NULL AND ((SELECT rollup FROM ind) <> 'none' OR u.src = u.unit_id)
             GROUP BY u.unit_id
            """;

    private static final String AS_NOW = "WITH RECURSIVE " + VALUES + """
            , last_day AS (SELECT predecessor_id, max(effective_date) AS d FROM org_succession GROUP BY predecessor_id),
            steps AS (
                SELECT s.predecessor_id, s.successor_id, s.share, s.weight,
                       count(*) FILTER (WHERE s.share = 'full') OVER w AS nfull, count(*) OVER w AS n,
                       count(s.weight) OVER w AS nweighed, sum(s.weight) OVER w AS weights
                  FROM org_succession s JOIN last_day l ON l.predecessor_id = s.predecessor_id AND l.d = s.effective_date
                WINDOW w AS (PARTITION BY s.predecessor_id)),
            link AS (
                SELECT predecessor_id, successor_id,
                       CASE WHEN nfull = 1 THEN 1::numeric WHEN nfull > 1 THEN 1::numeric / nfull
                            WHEN nweighed = n THEN weight / weights ELSE 1::numeric / n END AS fraction,
                       nfull = 1 AS exact
                  FROM steps WHERE nfull = 0 OR share = 'full'),
            carry(src, unit_id, fraction, exact, steps) AS (
                SELECT DISTINCT unit_id, unit_id, 1::numeric, true, 0 FROM vals
                UNION ALL
                SELECT c.src, l.successor_id, c.fraction * l.fraction, c.exact AND l.exact, c.steps + 1
                  FROM carry c JOIN link l ON l.predecessor_id = c.unit_id
                 WHERE c.steps < 10 AND (SELECT rollup FROM ind) <> 'none'
                   AND NOT EXISTS (SELECT 1 FROM org_unit_version sv
                                    WHERE sv.unit_id = c.unit_id AND sv.valid @> CAST(:today AS date))),
            up(src, unit_id, fraction, exact, parent_id) AS (
                SELECT c.src, c.unit_id, c.fraction, c.exact, v.parent_id
                  FROM carry c JOIN org_unit_version v ON v.unit_id = c.unit_id AND v.valid @> CAST(:today AS date)
                UNION ALL
                SELECT u.src, p.unit_id, u.fraction, u.exact, p.parent_id
                  FROM up u JOIN org_unit_version p ON p.unit_id = u.parent_id AND p.valid @> CAST(:today AS date))
            """ + COMBINE;

    private static final String AS_WAS = "WITH RECURSIVE " + VALUES + """
            , up(src, unit_id, fraction, exact, parent_id, day) AS (
                SELECT v.unit_id, p.unit_id, 1::numeric, true, p.parent_id, p.day
                  FROM vals v CROSS JOIN LATERAL (
                       SELECT ov.unit_id, ov.parent_id,
                              CASE WHEN upper(ov.valid) <= v.period_end THEN upper(ov.valid) - 1 ELSE v.period_end END AS day
                         FROM org_unit_version ov
                        WHERE ov.unit_id = v.unit_id AND ov.valid && daterange(v.period_start, v.period_end, '[]')
                        ORDER BY lower(ov.valid) DESC NULLS LAST LIMIT 1) p
                UNION ALL
                SELECT u.src, p.unit_id, u.fraction, u.exact, p.parent_id, u.day
                  FROM up u JOIN org_unit_version p ON p.unit_id = u.parent_id AND p.valid @> u.day)
            """ + COMBINE;

    private final JdbcClient jdbc;
    private final LocalDate today;

    NaiveRollUp(JdbcClient jdbc, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    Map<Long, Figure> asNow(IndicatorBenchmarks.Input in) {
        return read(AS_NOW, in, true);
    }

    Map<Long, Figure> asWas(IndicatorBenchmarks.Input in) {
        return read(AS_WAS, in, false);
    }

    private Map<Long, Figure> read(String sql, IndicatorBenchmarks.Input in, boolean now) {
        var figures = new HashMap<Long, Figure>();
        var spec = jdbc.sql(sql).param("code", in.code()).param("period", in.period());
        if (now) {
            spec = spec.param("today", today);
        }
        spec.query((rs, n) -> figures.put(
                        rs.getLong("unit_id"), new Figure(rs.getBigDecimal("value"), rs.getBoolean("estimate"))))
                .list();
        figures.values().removeIf(f -> f.value() == null);
        return figures;
    }
}
