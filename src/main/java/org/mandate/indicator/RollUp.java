package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Rolls figures up a hierarchy. Each figure is placed at a node (its path, root first); a node's
 * rolled-up value combines every figure placed at it or under it, by the indicator's rule: a sum,
 * an average weighted by each figure's weight, or, for rule none, nothing (a node shows only the
 * figures placed at it). The same code serves both views: the caller places figures in the
 * hierarchy of their period ("as it was") or in today's, carried there ("as it is now").
 */
public final class RollUp {
    private RollUp() {}

    /**
     * A figure at a node.
     *
     * @param path the node's ancestors root first, ending at the node
     * @param weight the figure's weight, for weighted averages (null: not known)
     * @param source the unit that reported it
     */
    public record Placed(
            List<Long> path,
            Period period,
            BigDecimal value,
            @Nullable BigDecimal weight,
            boolean estimate,
            ValueState state,
            long source) {
        long node() {
            return path.getLast();
        }
    }

    /** A node's value for a period; null when it cannot be computed (see the result's gaps). */
    public record Figure(
            long unitId, Period period, @Nullable BigDecimal value, boolean estimate, ValueState state, int depth) {}

    /**
     * @param missingWeights per period, the reporting units whose weight was missing where a
     *     weighted average needed it
     * @param uncombined per period, nodes with several figures of an indicator that does not roll up
     */
    public record Result(
            List<Figure> figures, Map<Period, Set<Long>> missingWeights, Map<Period, Set<Long>> uncombined) {}

    private static final class Sum {
        final List<Placed> figures = new ArrayList<>();
        final int depth;

        Sum(int depth) {
            this.depth = depth;
        }
    }

    private record Key(long node, Period period) {}

    /**
     * The figures of the root (null: every node) and, with {@code subtree}, of every node under it
     * that has a figure at or under it.
     */
    public static Result of(Rollup rule, Collection<Placed> placed, @Nullable Long root, boolean subtree) {
        var sums = new HashMap<Key, Sum>();
        for (Placed p : placed) {
            // without the subtree, or with nothing to roll up, a node shows only what is placed at it
            boolean ownOnly = rule == Rollup.NONE || (root != null && !subtree);
            int from = ownOnly ? p.path().size() - 1 : 0;
            for (int i = from; i < p.path().size(); i++) {
                long node = p.path().get(i);
                if (shown(p.path(), i, root, subtree)) {
                    int depth = i + 1;
                    sums.computeIfAbsent(new Key(node, p.period()), k -> new Sum(depth))
                            .figures
                            .add(p);
                }
            }
        }
        var missing = new TreeMap<Period, Set<Long>>();
        var uncombined = new TreeMap<Period, Set<Long>>();
        var figures = new ArrayList<Figure>();
        sums.forEach((key, sum) -> figures.add(combine(rule, key, sum, missing, uncombined)));
        figures.sort(Comparator.comparing(Figure::period)
                .thenComparingInt(Figure::depth)
                .thenComparingLong(Figure::unitId));
        return new Result(figures, missing, uncombined);
    }

    /** Whether the node at index i of the path is shown: the root itself, or under it with subtree. */
    private static boolean shown(List<Long> path, int i, @Nullable Long root, boolean subtree) {
        if (root == null) {
            return true;
        }
        int at = path.indexOf(root);
        return at >= 0 && (i == at || (subtree && i > at));
    }

    private static Figure combine(
            Rollup rule, Key key, Sum sum, Map<Period, Set<Long>> missing, Map<Period, Set<Long>> uncombined) {
        var fs = sum.figures;
        boolean estimate = fs.stream().anyMatch(Placed::estimate);
        ValueState state =
                fs.stream().map(Placed::state).reduce(ValueState::leastAdvanced).orElseThrow();
        BigDecimal value;
        if (fs.size() == 1) {
            value = fs.getFirst().value();
        } else {
            value = switch (rule) {
                case SUM -> fs.stream().map(Placed::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                case WEIGHTED_AVERAGE -> weightedAverage(fs, key.period(), missing);
                case NONE -> {
                    uncombined
                            .computeIfAbsent(key.period(), k -> new TreeSet<>())
                            .add(key.node());
                    yield null;
                }
            };
        }
        return new Figure(key.node(), key.period(), value, estimate, state, sum.depth);
    }

    private static @Nullable BigDecimal weightedAverage(
            List<Placed> fs, Period period, Map<Period, Set<Long>> missing) {
        var lacking =
                fs.stream().filter(f -> f.weight() == null).map(Placed::source).toList();
        if (!lacking.isEmpty()) {
            missing.computeIfAbsent(period, k -> new TreeSet<>()).addAll(lacking);
            return null;
        }
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Placed f : fs) {
            weights = weights.add(f.weight());
            weighted = weighted.add(f.value().multiply(f.weight()));
        }
        if (weights.signum() == 0) {
            missing.computeIfAbsent(period, k -> new TreeSet<>())
                    .addAll(fs.stream().map(Placed::source).toList());
            return null;
        }
        return weighted.divide(weights, MathContext.DECIMAL64);
    }
}
