package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Indicator;
import org.mandate.indicator.Indicators;
import org.mandate.indicator.Period;
import org.mandate.indicator.PeriodType;
import org.mandate.indicator.RollUp;
import org.mandate.indicator.Rollup;
import org.mandate.indicator.ValueState;
import org.mandate.indicator.View;
import org.mandate.indicator.internal.RollUpQuery.Group;
import org.mandate.indicator.internal.RollUpQuery.Shown;
import org.springframework.stereotype.Component;

/**
 * Rolls the stored values up in the view's hierarchy, in the database: "as it was" each value sits
 * where its unit stood in its period; "as it is now" each is carried to today's units first. The
 * places are flattened tables ({@link RollUpPlaces}); the roll-up is one GROUP BY ({@link
 * RollUpQuery}); here the groups become figures ({@link RollUp}) by the indicator's rule.
 */
@Component
public class ValueReads {
    /** All levels: a read of a unit and its subtree, or of every unit. */
    public static final int ALL_LEVELS = Integer.MAX_VALUE;

    private final RollUpQuery query;
    private final RollUpPlaces places;

    ValueReads(RollUpQuery query, RollUpPlaces places) {
        this.query = query;
        this.places = places;
    }

    /** The roll-up and, per period, how many figures could not be carried to a unit standing today. */
    public record Read(RollUp.Result result, Map<Period, Integer> notCarried) {}

    /** @param levels with no unit, how many levels from the top are shown (1: the provinces) */
    public Read asWas(
            Indicator indicator,
            @Nullable Long weightId,
            Period from,
            Period to,
            @Nullable Long unit,
            boolean subtree,
            int levels) {
        places.ensureFor(Indicators.today());
        var shown = shown(unit, subtree, levels, null);
        var groups = groups(View.AS_WAS, indicator, weightId, from, to, shown);
        return read(indicator, groups, Map.of());
    }

    /**
     * @param unitPath the unit's path today (it stands), when there is a unit
     * @param levels with no unit, how many levels from the top are shown (1: the provinces)
     */
    public Read asNow(
            Indicator indicator,
            @Nullable Long weightId,
            Period from,
            Period to,
            @Nullable Long unit,
            @Nullable String unitPath,
            boolean subtree,
            LocalDate today,
            int levels) {
        places.ensureFor(today);
        String rootPath = unit == null || !subtree ? null : unitPath;
        var shown = shown(unit, subtree, levels, rootPath);
        var groups = groups(View.AS_NOW, indicator, weightId, from, to, shown);
        var notCarried = new TreeMap<Period, Integer>();
        if (indicator.rollup() == Rollup.NONE) {
            for (long[] row : query.notCarriedFigures(indicator.id(), from.firstDay(), to.firstDay(), shown)) {
                notCarried.put(period(indicator.periodType(), LocalDate.ofEpochDay(row[0])), (int) row[1]);
            }
        } else {
            groups.stream()
                    .filter(g -> g.node() == null)
                    .forEach(g -> notCarried.merge(
                            period(indicator.periodType(), g.periodStart()), (int) g.figures(), Integer::sum));
        }
        return read(indicator, groups, notCarried);
    }

    /**
     * The groups of the read: for the top level of a whole-country read of an indicator that rolls
     * up, from the roll-ups kept ready ({@link RollUpReady}) when they are current; otherwise the
     * roll-up computed now. Both come from the same query, so they are the same figures.
     */
    private List<Group> groups(
            View view, Indicator indicator, @Nullable Long weightId, Period from, Period to, Shown shown) {
        if (shown instanceof Shown.Top top && top.levels() == 1 && indicator.rollup() != Rollup.NONE) {
            var ready = query.ready(view, indicator.id(), weightId, from.firstDay(), to.firstDay());
            if (ready.isPresent()) {
                return ready.get();
            }
        }
        return query.groups(view, indicator.rollup(), indicator.id(), weightId, from.firstDay(), to.firstDay(), shown);
    }

    private static Shown shown(@Nullable Long unit, boolean subtree, int levels, @Nullable String rootPath) {
        if (unit == null) {
            return new Shown.Top(levels);
        }
        return subtree ? new Shown.Subtree(unit, rootPath == null ? "" : rootPath) : new Shown.Own(unit);
    }

    /** The groups as figures, by the rule; what could not be computed goes to the result's gaps. */
    static Read read(Indicator indicator, List<Group> groups, Map<Period, Integer> notCarried) {
        var figures = new ArrayList<RollUp.Figure>(groups.size());
        var missing = new TreeMap<Period, Set<Long>>();
        var uncombined = new TreeMap<Period, Set<Long>>();
        for (Group g : groups) {
            if (g.node() == null) {
                continue;
            }
            Period period = period(indicator.periodType(), g.periodStart());
            BigDecimal value = switch (indicator.rollup()) {
                case SUM -> g.total();
                case WEIGHTED_AVERAGE -> weightedAverage(g, period, missing);
                case NONE -> {
                    if (g.figures() == 1) {
                        yield g.alone();
                    }
                    uncombined.computeIfAbsent(period, k -> new TreeSet<>()).add(g.node());
                    yield null;
                }
            };
            figures.add(new RollUp.Figure(
                    g.node(), period, value, g.estimate(), ValueState.values()[g.state()], g.depth()));
        }
        return new Read(new RollUp.Result(figures, missing, uncombined), notCarried);
    }

    /**
     * One figure alone is its own average; otherwise every weight is needed, and they must not add
     * up to 0 (the units whose weight is missing or 0 are named in the notes).
     */
    private static @Nullable BigDecimal weightedAverage(Group g, Period period, Map<Period, Set<Long>> missing) {
        if (g.figures() == 1) {
            return g.alone();
        }
        BigDecimal weights = g.weights();
        BigDecimal weighted = g.weighted();
        if (g.weightless() > 0 || weights == null || weighted == null || weights.signum() == 0) {
            missing.computeIfAbsent(period, k -> new TreeSet<>()).addAll(g.unweighed());
            return null;
        }
        return weighted.divide(weights, MathContext.DECIMAL64);
    }

    /** The period of the type that starts on the day. */
    static Period period(PeriodType type, LocalDate start) {
        return Period.containing(type, start);
    }
}
