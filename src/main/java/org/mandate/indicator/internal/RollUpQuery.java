package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        String sql = select(rule) + " FROM (" + placed(view, rule, shown, weightId != null, onePeriod) + ") x"
                + " GROUP BY period_start, depth, node";
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
        // the order of the figures: period, depth (the unit asked for first), unit; sorted here so
        // that the database can aggregate by hash
        groups.sort(Comparator.comparing(Group::periodStart)
                .thenComparingInt(Group::depth)
                .thenComparing(Group::node, Comparator.nullsLast(Comparator.naturalOrder())));
        return groups;
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
