package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Apportioning;
import org.mandate.indicator.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of achievement: the targets of many units at once, the trend method of an indicator, and
 * the units whose figures are carried into today's units (to combine their targets "as it is now").
 */
@Repository
public class TargetReads {
    private final JdbcClient jdbc;

    TargetReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A target of a unit: for the term (year null) or one year of it. */
    public record UnitTarget(
            long unitId,
            @Nullable Integer year,
            BigDecimal value,
            @Nullable Long documentId) {}

    public List<UnitTarget> targets(long indicatorId, long termId, Collection<Long> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT unit_id, year, value, document_id FROM target
                         WHERE indicator_id = :i AND term_id = :t AND unit_id = ANY (CAST(:units AS bigint[]))
                         ORDER BY unit_id, year NULLS FIRST
                        """)
                .param("i", indicatorId)
                .param("t", termId)
                .param("units", units.toArray(Long[]::new))
                .query((rs, n) -> new UnitTarget(
                        rs.getLong(1),
                        rs.getObject(2, Integer.class),
                        rs.getBigDecimal(3),
                        rs.getObject(4, Long.class)))
                .list();
    }

    public Projection.Method trend(long indicatorId) {
        return Projection.Method.of(jdbc.sql("SELECT trend FROM indicator WHERE id = :i")
                .param("i", indicatorId)
                .query(String.class)
                .single());
    }

    /** The row before the change, for the audit log. */
    public String trendSnapshot(long indicatorId) {
        return jdbc.sql("SELECT json_build_object('code', code, 'trend', trend)::text FROM indicator WHERE id = :i")
                .param("i", indicatorId)
                .query(String.class)
                .single();
    }

    public void setTrend(long indicatorId, Projection.Method method) {
        jdbc.sql("UPDATE indicator SET trend = :t WHERE id = :i")
                .param("t", method.code())
                .param("i", indicatorId)
                .update();
    }

    /**
     * For each of these units, the units that no longer stand today, existed at some time in
     * [first, last], and lead into it through the succession (at any depth): those whose figures
     * are carried into it "as it is now". Served by org_succession_successor.
     */
    public Map<Long, Set<Long>> endedFeeders(Collection<Long> units, LocalDate first, LocalDate last, LocalDate today) {
        var feeders = new HashMap<Long, Set<Long>>();
        if (units.isEmpty()) {
            return feeders;
        }
        jdbc.sql("""
                        WITH RECURSIVE back(into_id, unit_id, depth) AS (
                            SELECT x, x, 0 FROM unnest(CAST(:units AS bigint[])) x
                            UNION
                            SELECT b.into_id, s.predecessor_id, b.depth + 1
                              FROM org_succession s JOIN back b ON s.successor_id = b.unit_id
                             WHERE b.depth < 10)
                        SELECT DISTINCT b.into_id, b.unit_id FROM back b
                         WHERE b.depth > 0
                           AND NOT EXISTS (SELECT 1 FROM org_unit_version v
                                            WHERE v.unit_id = b.unit_id AND v.valid @> CAST(:today AS date))
                           AND EXISTS (SELECT 1 FROM org_unit_version v
                                        WHERE v.unit_id = b.unit_id
                                          AND v.valid && daterange(CAST(:first AS date), CAST(:last AS date), '[]'))
                        """)
                .param("units", units.toArray(Long[]::new))
                .param("today", today)
                .param("first", first)
                .param("last", last)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .forEach(
                        r -> feeders.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]));
        return feeders;
    }

    /**
     * Of these units, those that stood before the first succession into them after {@code first}:
     * a unit that others were merged into, whose own figures and target count alongside theirs
     * (unlike a unit established by the merger).
     */
    public Set<Long> stoodBeforeMergers(Collection<Long> units, LocalDate first) {
        return new HashSet<>(jdbc.sql("""
                        SELECT u.x FROM unnest(CAST(:units AS bigint[])) u(x)
                         WHERE EXISTS (
                               SELECT 1 FROM org_unit_version v
                                WHERE v.unit_id = u.x
                                  AND (lower(v.valid) IS NULL
                                       OR lower(v.valid) < (SELECT min(s.effective_date) FROM org_succession s
                                                             WHERE s.successor_id = u.x AND s.effective_date > CAST(:first AS date))))
                        """)
                .param("units", units.toArray(Long[]::new))
                .param("first", first)
                .query(Long.class)
                .list());
    }

    /** The last day each of these units stood (units standing today are left out). */
    public Map<Long, LocalDate> lastDays(Collection<Long> units) {
        var days = new HashMap<Long, LocalDate>();
        if (units.isEmpty()) {
            return days;
        }
        jdbc.sql("""
                        SELECT unit_id, max(upper(valid)) - 1 FROM org_unit_version
                         WHERE unit_id = ANY (CAST(:units AS bigint[]))
                         GROUP BY unit_id HAVING bool_and(upper(valid) IS NOT NULL)
                        """)
                .param("units", units.toArray(Long[]::new))
                .query((rs, n) -> days.put(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
        return days;
    }

    /** The succession links from these units onwards (the same walk as the values' carrying). */
    public List<Apportioning.Link> linksFrom(Collection<Long> units) {
        return jdbc.sql("""
                        WITH RECURSIVE reach(unit_id) AS (
                            SELECT unnest(CAST(:units AS bigint[]))
                            UNION
                            SELECT s.successor_id FROM org_succession s JOIN reach r ON s.predecessor_id = r.unit_id)
                        SELECT s.predecessor_id, s.successor_id, s.effective_date, s.share = 'full' AS full, s.weight
                          FROM org_succession s JOIN reach r ON s.predecessor_id = r.unit_id
                        """)
                .param("units", units.toArray(Long[]::new))
                .query(TargetReads::link)
                .list();
    }

    /** Of these units, those standing on the day. */
    public Set<Long> standing(Collection<Long> units, LocalDate day) {
        if (units.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT unit_id FROM org_unit_version
                         WHERE unit_id = ANY (CAST(:units AS bigint[])) AND valid @> CAST(:day AS date)
                        """)
                .param("units", units.toArray(Long[]::new))
                .param("day", day)
                .query(Long.class)
                .list());
    }

    /**
     * A succession as the apportioning reads it, from the columns (predecessor_id, successor_id,
     * effective_date, share = 'full', weight) in that order.
     */
    static Apportioning.Link link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Apportioning.Link(
                rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getBigDecimal(5));
    }
}
