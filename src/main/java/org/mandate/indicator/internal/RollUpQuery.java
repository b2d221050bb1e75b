package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Rollup;
import org.mandate.indicator.View;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roll-up as one GROUP BY: the current values of one indicator in a range of periods, joined
 * to their flattened places in the view ({@link RollUpPlaces}), one group per (period, node).
 * What is summed depends on the rule: the pieces of the values (sum); the rate times the piece of
 * its weight, and the pieces of the weights (weighted average, the weight being the weight
 * indicator's current value of the same unit and period); for rule none, only the figures placed
 * at their own unit. The SQL is put together from fixed fragments (view, rule, which nodes are
 * shown); every value is a bound parameter. Indexes: indicator_value_rollup and the places' unit
 * indexes, index-only.
 */
@Repository
class RollUpQuery {
    private final JdbcClient jdbc;

    RollUpQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which nodes a read shows. */
    sealed interface Shown {
        /** Every node down to the given depth (1: provinces), for a whole-country read. */
        record Top(int levels) implements Shown {}

        /** The root and every node under it that has a figure at or under it. */
        record Subtree(long root, String rootPath) implements Shown {}

        /** The root's own figures only (as it is now: with what was carried into it). */
        record Own(long root) implements Shown {}
    }

    /**
     * A node's group: its figures' count, the sum of their pieces (sum), the figure when it is
     * alone, the weighted sum and the weights (weighted average), the units whose weight is
     * missing or zero and how many figures have no weight, whether any part is an estimate, the least advanced state (0: draft). A null
     * node holds the values that land nowhere (a whole-country read as it is now).
     */
    record Group(
            @Nullable Long node,
            LocalDate periodStart,
            int depth,
            long figures,
            @Nullable BigDecimal total,
            @Nullable BigDecimal alone,
            @Nullable BigDecimal weighted,
            @Nullable BigDecimal weights,
            List<Long> unweighed,
            long weightless,
            boolean estimate,
            int state) {}

    List<Group> groups(
            View view,
            Rollup rule,
            long indicatorId,
            @Nullable Long weightId,
            LocalDate from,
            LocalDate to,
            Shown shown) {
        boolean onePeriod = from.equals(to);
        String sql = grouped(view, rule, shown, weightId != null, onePeriod);
        // The values of one period come out of indicator_value_rollup in unit order, and the places
        // out of their unit index in unit order: a merge join reads both once, where the hash join
        // the planner prefers builds a hash of every place on each read (2-3 times slower, measured
        // on 10 million values; docs/BENCHMARKS.md). Custom plans: a generic plan cannot see how
        // many values one period holds. Both settings end with the read's transaction.
        // Both are put back after the query: the caller's transaction may go on with other reads.
        List<String> previous = jdbc.sql(
                        "SELECT current_setting('enable_hashjoin'), current_setting('plan_cache_mode'),"
                                + " set_config('enable_hashjoin', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        var spec = jdbc.sql(sql)
                .param("indicator", indicatorId)
                .param("from", from)
                .param("to", to);
        if (weightId != null && rule == Rollup.WEIGHTED_AVERAGE) {
            spec = spec.param("weight", weightId);
        }
        spec = switch (shown) {
            case Shown.Top t -> t.levels() == 1 ? spec : spec.param("levels", t.levels());
            case Shown.Subtree s ->
                view == View.AS_NOW
                        ? spec.param("rootPath", s.rootPath())
                        : spec.param("under", "*." + s.root() + ".*");
            case Shown.Own o -> spec.param("root", o.root());
        };
        var groups = new ArrayList<>(spec.query(RollUpQuery::group).list());
        // (a failed query rolls the transaction back, and the settings with it)
        jdbc.sql("SELECT set_config('enable_hashjoin', :hashjoin, true), set_config('plan_cache_mode', :cache, true)")
                .param("hashjoin", previous.get(0))
                .param("cache", previous.get(1))
                .query()
                .listOfRows();
        return sorted(groups);
    }

    /**
     * The order of the figures: period, depth (the unit asked for first), unit; sorted here so that
     * the database can aggregate by hash.
     */
    private static List<Group> sorted(List<Group> groups) {
        groups.sort(Comparator.comparing(Group::periodStart)
                .thenComparingInt(Group::depth)
                .thenComparing(Group::node, Comparator.nullsLast(Comparator.naturalOrder())));
        return groups;
    }

    /**
     * The groups of a read of the top level ({@code Shown.Top(1)}) from the roll-ups kept ready
     * (V16), when every period of the range that has values is ready and current: filled from the
     * values of the epoch that stands now, with the weights of the epoch that stands now (over the
     * places as they stand: a rebuild empties the table). Empty when any is not.
     */
    Optional<List<Group>> ready(View view, long indicatorId, @Nullable Long weightId, LocalDate from, LocalDate to) {
        var rows = jdbc.sql("""
                        SELECT k.period_start, k.current, g.*
                          FROM (SELECT e.period_start, r.groups,
                                       coalesce(r.epoch = e.epoch AND r.weight_epoch = coalesce(we.epoch, 0), false)
                                           AS current
                                  FROM indicator_value_epoch e
                                  LEFT JOIN indicator_rollup_ready r ON r.view = :view
                                        AND r.indicator_id = e.indicator_id AND r.period_start = e.period_start
                                  LEFT JOIN indicator_value_epoch we ON we.indicator_id = CAST(:weight AS bigint)
                                        AND we.period_start = e.period_start
                                 WHERE e.indicator_id = :indicator
                                   AND e.period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date)) k
                          LEFT JOIN LATERAL jsonb_to_recordset(CASE WHEN k.current THEN k.groups END)
                               AS g(node bigint, depth int, figures bigint, total numeric, alone numeric,
                                    weighted numeric, weights numeric, unweighed bigint[], weightless bigint,
                                    estimate boolean, state int) ON true
                        """)
                .param("view", view.code())
                .param("weight", weightId, Types.BIGINT)
                .param("indicator", indicatorId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> rs.getBoolean("current")
                        ? (rs.getObject("figures") == null ? NO_GROUP : group(rs, n))
                        : NOT_CURRENT)
                .list();
        if (rows.stream().anyMatch(g -> g == NOT_CURRENT)) {
            return Optional.empty();
        }
        return Optional.of(
                sorted(new ArrayList<>(rows.stream().filter(g -> g != NO_GROUP).toList())));
    }

    /** Markers of {@link #ready}'s rows: a period not current; a current period without groups. */
    private static final Group NOT_CURRENT = marker(-1);

    private static final Group NO_GROUP = marker(-2);

    private static Group marker(int depth) {
        return new Group(null, LocalDate.EPOCH, depth, 0, null, null, null, null, List.of(), 0, false, 0);
    }

    /**
     * A range of periods of one indicator whose roll-up in the view is missing or not current, with
     * the indicator's rule and weight.
     */
    record Stale(long indicatorId, Rollup rule, @Nullable Long weightId, LocalDate from, LocalDate to, int periods) {}

    /** What is not ready in the view, per indicator (rule none is never kept ready: nothing rolls up). */
    List<Stale> stale(View view) {
        return jdbc.sql("""
                        SELECT e.indicator_id, i.rollup, i.weight_indicator_id,
                               min(e.period_start), max(e.period_start), count(*)
                          FROM indicator_value_epoch e
                          JOIN indicator i ON i.id = e.indicator_id AND i.rollup <> 'none'
                          LEFT JOIN indicator_value_epoch we ON we.indicator_id = i.weight_indicator_id
                                AND we.period_start = e.period_start
                          LEFT JOIN indicator_rollup_ready r ON r.view = :view
                                AND r.indicator_id = e.indicator_id AND r.period_start = e.period_start
                         WHERE r.indicator_id IS NULL OR r.epoch <> e.epoch OR r.weight_epoch <> coalesce(we.epoch, 0)
                         GROUP BY e.indicator_id, i.rollup, i.weight_indicator_id ORDER BY e.indicator_id
                        """)
                .param("view", view.code())
                .query((rs, n) -> new Stale(
                        rs.getLong(1),
                        Rollup.of(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getInt(6)))
                .list();
    }

    /**
     * Computes the top level's groups of every period of the range that has values, in one
     * statement and so in one snapshot, with the epochs it saw, and keeps them ready. Returns the
     * periods written.
     */
    int fill(View view, Rollup rule, long indicatorId, @Nullable Long weightId, LocalDate from, LocalDate to) {
        String groups = grouped(view, rule, new Shown.Top(1), weightId != null, false);
        return jdbc.sql("""
                        INSERT INTO indicator_rollup_ready
                               (view, indicator_id, period_start, epoch, weight_epoch, groups, filled_at)
                        SELECT :view, e.indicator_id, e.period_start, e.epoch, coalesce(we.epoch, 0),
                               coalesce(a.groups, CAST('[]' AS jsonb)), now()
                          FROM indicator_value_epoch e
                          LEFT JOIN indicator_value_epoch we ON we.indicator_id = CAST(:weight AS bigint)
                                AND we.period_start = e.period_start
                          LEFT JOIN (SELECT period_start,
                                            jsonb_agg(jsonb_build_object('node', node, 'depth', depth,
                                                'figures', figures, 'total', total, 'alone', alone,
                                                'weighted', weighted, 'weights', weights, 'unweighed', unweighed,
                                                'weightless', weightless, 'estimate', estimate, 'state', state))
                                                AS groups
                                       FROM (%s) g GROUP BY period_start) a ON a.period_start = e.period_start
                         WHERE e.indicator_id = :indicator
                           AND e.period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                        ON CONFLICT (view, indicator_id, period_start) DO UPDATE
                           SET epoch = excluded.epoch, weight_epoch = excluded.weight_epoch,
                               groups = excluded.groups, filled_at = excluded.filled_at
                        """.formatted(groups))
                .param("view", view.code())
                .param("weight", weightId, Types.BIGINT)
                .param("indicator", indicatorId)
                .param("from", from)
                .param("to", to)
                .update();
    }

    /**
     * Rule none, as it is now: per period, how many values of units that ended would have been
     * shown (a figure that does not add up is not carried); for a whole-country read, every value
     * of a unit that does not stand.
     */
    List<long[]> notCarriedFigures(long indicatorId, LocalDate from, LocalDate to, Shown shown) {
        String where = switch (shown) {
            case Shown.Top t ->
                "NOT EXISTS (SELECT 1 FROM indicator_now_place p WHERE p.unit_id = iv.unit_id" + " AND NOT p.moved)";
            case Shown.Subtree s ->
                "EXISTS (SELECT 1 FROM indicator_now_place p WHERE p.unit_id = iv.unit_id"
                        + " AND p.moved AND p.ancestor_path <@ CAST(:rootPath AS ltree))";
            case Shown.Own o ->
                "EXISTS (SELECT 1 FROM indicator_now_place p WHERE p.unit_id = iv.unit_id"
                        + " AND p.moved AND p.ancestor_id = :root AND p.standing_id = :root)";
        };
        var spec = jdbc.sql(VALUES_FROM + " AND " + where + """
                         GROUP BY iv.period_start ORDER BY iv.period_start
                        """.replace("\n", " "))
                .param("indicator", indicatorId)
                .param("from", from)
                .param("to", to);
        spec = switch (shown) {
            case Shown.Top t -> spec;
            case Shown.Subtree s -> spec.param("rootPath", s.rootPath());
            case Shown.Own o -> spec.param("root", o.root());
        };
        return spec.query((rs, n) ->
                        new long[] {rs.getObject(1, LocalDate.class).toEpochDay(), rs.getLong(2)})
                .list();
    }

    private static final String VALUES_FROM = """
            SELECT iv.period_start, count(*) FROM indicator_value iv
             WHERE iv.indicator_id = :indicator AND iv.superseded_by IS NULL
               AND iv.period_start BETWEEN :from AND :to
            """.replace("\n", " ");

    /** The roll-up's query: one group per (period, node) of the values placed in the view. */
    private static String grouped(View view, Rollup rule, Shown shown, boolean withWeight, boolean onePeriod) {
        return select(rule) + " FROM (" + placed(view, rule, shown, withWeight, onePeriod) + ") x"
                + " GROUP BY period_start, depth, node";
    }

    private static String select(Rollup rule) {
        String common = "SELECT node, period_start, depth, count(*) AS figures, bool_or(estimate) AS estimate,"
                + " min(state) AS state, ";
        return common
                + switch (rule) {
                    case SUM ->
                        "sum(piece) AS total, NULL AS alone, NULL AS weighted, NULL AS weights,"
                                + " NULL AS unweighed, 0 AS weightless";
                    case WEIGHTED_AVERAGE ->
                        "NULL AS total, min(value) AS alone, sum(value * weight) AS weighted,"
                                + " sum(weight) AS weights,"
                                + " array_agg(unit_id) FILTER (WHERE weight IS NULL OR weight = 0) AS unweighed,"
                                + " count(*) - count(weight) AS weightless";
                    case NONE ->
                        "NULL AS total, min(value) AS alone, NULL AS weighted, NULL AS weights,"
                                + " NULL AS unweighed, 0 AS weightless";
                };
    }

    /**
     * One row per (value, node it counts under) with: the node, its depth, the value, the piece of
     * it that lands there, the piece of its weight, whether that is an estimate, and the state.
     * A whole-country read as it is now keeps values that land nowhere (node null) for the notes.
     */
    private static String placed(View view, Rollup rule, Shown shown, boolean withWeight, boolean onePeriod) {
        boolean weighted = rule == Rollup.WEIGHTED_AVERAGE && withWeight;
        boolean now = view == View.AS_NOW;
        boolean keepLost = now && rule != Rollup.NONE && shown instanceof Shown.Top;
        var sql = new StringBuilder("SELECT iv.period_start, iv.unit_id, iv.value, p.ancestor_id AS node, p.depth, ");
        sql.append(now ? "indicator_piece(iv.value, p.cut_from, p.cut_to) AS piece, " : "iv.value AS piece, ");
        if (!weighted) {
            sql.append("CAST(NULL AS numeric) AS weight, ");
        } else {
            sql.append(now ? "indicator_piece(w.value, p.cut_from, p.cut_to) AS weight, " : "w.value AS weight, ");
        }
        sql.append(now ? "NOT p.exact AS estimate, " : "false AS estimate, ");
        sql.append("CASE iv.state WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 ELSE 2 END AS state");
        sql.append(" FROM indicator_value iv ");
        if (now) {
            sql.append(keepLost ? "LEFT JOIN" : "JOIN").append(" indicator_now_place p ON p.unit_id = iv.unit_id");
        } else {
            sql.append("JOIN indicator_was_place p ON p.unit_id = iv.unit_id AND p.during @> iv.period_end");
        }
        sql.append(
                switch (shown) {
                    case Shown.Top t -> t.levels() == 1 ? " AND p.depth = 1" : " AND p.depth <= :levels";
                    case Shown.Subtree s ->
                        now
                                ? " AND p.ancestor_path <@ CAST(:rootPath AS ltree)"
                                : " AND p.ancestor_path ~ CAST(:under AS lquery)";
                    case Shown.Own o ->
                        now
                                ? " AND p.ancestor_id = :root AND p.standing_id = :root"
                                : " AND p.ancestor_id = :root AND iv.unit_id = :root";
                });
        if (rule == Rollup.NONE) {
            // nothing rolls up: a figure shows at its own unit; as it is now, only a unit standing
            sql.append(now ? " AND p.ancestor_id = p.standing_id AND NOT p.moved" : " AND p.ancestor_id = iv.unit_id");
        }
        if (weighted) {
            sql.append(" LEFT JOIN indicator_value w ON w.indicator_id = :weight AND w.period_start = iv.period_start"
                    + " AND w.unit_id = iv.unit_id AND w.superseded_by IS NULL");
        }
        sql.append(" WHERE iv.indicator_id = :indicator AND iv.superseded_by IS NULL");
        // typed, so that the index's period_start is compared as a date whatever the driver sends
        sql.append(
                onePeriod
                        ? " AND iv.period_start = CAST(:from AS date)"
                        : " AND iv.period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date)");
        return sql.toString();
    }

    private static Group group(ResultSet rs, int n) throws SQLException {
        Array unweighed = rs.getArray("unweighed");
        var units = new ArrayList<Long>();
        if (unweighed != null) {
            for (Object o : (Object[]) unweighed.getArray()) {
                units.add(((Number) o).longValue());
            }
        }
        return new Group(
                rs.getObject("node", Long.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getInt("depth"),
                rs.getLong("figures"),
                rs.getBigDecimal("total"),
                rs.getBigDecimal("alone"),
                rs.getBigDecimal("weighted"),
                rs.getBigDecimal("weights"),
                units,
                rs.getLong("weightless"),
                rs.getBoolean("estimate"),
                rs.getInt("state"));
    }
}
