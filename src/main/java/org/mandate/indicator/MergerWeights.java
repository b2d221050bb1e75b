package org.mandate.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.mandate.indicator.internal.TargetReads;
import org.mandate.indicator.internal.ValueReads;
import org.springframework.stereotype.Component;

/**
 * The weights by which the targets of units merged into a unit standing today are averaged
 * ({@link MergedTargets}, rule weighted_average): each unit's figure of the weight indicator as it
 * was (its rolled-up value at the unit, read by {@link ValueReads} as every figure is) for the
 * latest period that ends on or before the merger (the earliest last day among the units merged
 * into it), or, without one, its latest figure before that in the term; never after the term.
 */
@Component
class MergerWeights {
    private static final BinaryOperator<Period> LATER = BinaryOperator.maxBy(Comparator.naturalOrder());

    private final IndicatorCatalogue catalogue;
    private final ValueReads values;
    private final TargetReads reads;

    MergerWeights(IndicatorCatalogue catalogue, ValueReads values, TargetReads reads) {
        this.catalogue = catalogue;
        this.values = values;
        this.reads = reads;
    }

    /**
     * @param merged for each unit standing today, the units merged into it
     * @param stoodBefore the units standing today that stood before those merged into them (their
     *     own weight counts too)
     * @return for each unit standing today, the weights found, by unit (a unit absent has none)
     */
    Map<Long, Map<Long, BigDecimal>> of(
            Indicator indicator,
            Term term,
            Map<Long, ? extends Collection<Long>> merged,
            Collection<Long> stoodBefore) {
        Indicator weight = catalogue.get(indicator.weightIndicator());
        Period from = Achievements.first(weight, term.startYear());
        Period termLast = Achievements.last(weight, term.endYear());
        var lastDays = reads.lastDays(
                merged.values().stream().flatMap(Collection::stream).toList());
        // per unit standing today, the period its weights are read by; per unit weighed, the latest of those
        var by = new HashMap<Long, Period>();
        var readTo = new HashMap<Long, Period>();
        merged.forEach((unit, units) -> {
            LocalDate merger = units.stream()
                    .map(lastDays::get)
                    .filter(d -> d != null)
                    .min(LocalDate::compareTo)
                    .orElse(termLast.lastDay());
            Period p = Period.endingBy(weight.periodType(), merger);
            Period until = p.compareTo(termLast) < 0 ? p : termLast;
            by.put(unit, until);
            units.forEach(u -> readTo.merge(u, until, LATER));
            if (stoodBefore.contains(unit)) {
                readTo.merge(unit, until, LATER);
            }
        });
        var series = new HashMap<Long, TreeMap<Period, BigDecimal>>();
        readTo.forEach((u, to) -> {
            var figures = new TreeMap<Period, BigDecimal>();
            if (to.compareTo(from) >= 0) {
                values.asWas(weight, null, from, to, u, true, ValueReads.ALL_LEVELS).result().figures().stream()
                        .filter(f -> f.unitId() == u && f.value() != null)
                        .forEach(f -> figures.put(f.period(), f.value()));
            }
            series.put(u, figures);
        });
        var result = new HashMap<Long, Map<Long, BigDecimal>>();
        merged.forEach((unit, units) -> {
            var weights = new HashMap<Long, BigDecimal>();
            for (long u : units) {
                put(weights, u, series.get(u), by.get(unit));
            }
            if (stoodBefore.contains(unit)) {
                put(weights, unit, series.get(unit), by.get(unit));
            }
            result.put(unit, weights);
        });
        return result;
    }

    private static void put(Map<Long, BigDecimal> weights, long unit, TreeMap<Period, BigDecimal> series, Period by) {
        var latest = series.floorEntry(by);
        if (latest != null) {
            weights.put(unit, latest.getValue());
        }
    }
}
