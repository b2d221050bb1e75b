package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A unit's target "as it is now", when units that ended were merged into it (wholly or in part)
 * during the term: as it is now their figures are carried into it, so its own target alone no
 * longer measures its series. The rule:
 *
 * <ul>
 *   <li>nothing carried into it, or a figure that does not roll up (rule none, which is not
 *       carried either): its own target, as set;
 *   <li>rule sum: the sum of the targets of every unit carried into it, each times the share of its
 *       figures carried here (as {@link Apportioning} carries values), plus its own if it stood
 *       before them; an estimate when any share was partial. Every one of them needs a target, else
 *       the target is not comparable (and says whose is missing);
 *   <li>rule weighted_average: the average of the same targets, each weighed by its unit's weight
 *       (the weight indicator's figure of the unit as it was by the merger) times the share of its
 *       figures carried here: Σ target × weight × share / Σ weight × share. Always an estimate
 *       (weights shift over a term). Every one of them needs a target and a weight, else it is not
 *       comparable (and says whose is missing).
 * </ul>
 */
public final class MergedTargets {
    private MergedTargets() {}

    /**
     * @param value null when there is no target or it is not comparable
     * @param from the units whose targets make it up
     * @param notComparable why the targets cannot be combined (null: they could, or there is none)
     */
    public record Combined(
            @Nullable BigDecimal value,
            boolean estimate,
            List<Long> from,
            @Nullable String notComparable) {}

    /**
     * @param unit the unit standing today
     * @param own its own target (null: none)
     * @param ownCounts whether it stood before the units merged into it (its figures count too)
     * @param carried the units carried into it, with the part of each that lands here
     * @param targets the targets of those units (a unit absent has none)
     * @param weights for a weighted average, the weights of those units and of the unit itself (a
     *     unit absent has none); not looked at for the other rules
     */
    public static Combined combine(
            Rollup rule,
            long unit,
            @Nullable BigDecimal own,
            boolean ownCounts,
            Map<Long, Apportioning.Part> carried,
            Map<Long, BigDecimal> targets,
            Map<Long, BigDecimal> weights) {
        boolean anyTarget = own != null || carried.keySet().stream().anyMatch(targets::containsKey);
        if (!anyTarget) {
            return new Combined(null, false, List.of(), null);
        }
        if (carried.isEmpty() || rule == Rollup.NONE) {
            return own == null
                    ? new Combined(null, false, List.of(), null)
                    : new Combined(own, false, List.of(unit), null);
        }
        var from = new ArrayList<Long>(new TreeSet<>(carried.keySet()));
        var missing = new TreeSet<Long>();
        carried.keySet().stream().filter(u -> !targets.containsKey(u)).forEach(missing::add);
        if (ownCounts && own == null) {
            missing.add(unit);
        }
        if (rule == Rollup.SUM) {
            if (!missing.isEmpty()) {
                return new Combined(
                        null,
                        false,
                        from,
                        "units " + missing + " have no target for the term, so the targets of the units merged into"
                                + " unit " + unit + " do not add up to one");
            }
            BigDecimal sum = ownCounts ? own : BigDecimal.ZERO;
            boolean estimate = false;
            for (var e : carried.entrySet()) {
                sum = sum.add(targets.get(e.getKey()).multiply(e.getValue().fraction()));
                estimate |= !e.getValue().exact();
            }
            if (ownCounts) {
                from.addFirst(unit);
            }
            return new Combined(Achievement.plain(sum.setScale(6, RoundingMode.HALF_EVEN)), estimate, from, null);
        }
        return averaged(unit, own, ownCounts, carried, targets, weights, from, missing);
    }

    /** Rule weighted_average: the targets averaged by weight times share, as an estimate. */
    private static Combined averaged(
            long unit,
            @Nullable BigDecimal own,
            boolean ownCounts,
            Map<Long, Apportioning.Part> carried,
            Map<Long, BigDecimal> targets,
            Map<Long, BigDecimal> weights,
            List<Long> from,
            Set<Long> missing) {
        var unweighed = new TreeSet<Long>();
        carried.keySet().stream().filter(u -> !weights.containsKey(u)).forEach(unweighed::add);
        if (ownCounts && !weights.containsKey(unit)) {
            unweighed.add(unit);
        }
        if (!missing.isEmpty() || !unweighed.isEmpty()) {
            var why = new ArrayList<String>();
            if (!missing.isEmpty()) {
                why.add("units " + missing + " have no target for the term");
            }
            if (!unweighed.isEmpty()) {
                why.add("units " + unweighed + " have no figure of the weight indicator by the merger");
            }
            return new Combined(
                    null,
                    false,
                    from,
                    String.join(" and ", why) + ", so the targets of the units merged into unit " + unit
                            + " cannot be averaged into one");
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        if (ownCounts) {
            weighted = own.multiply(weights.get(unit));
            total = weights.get(unit);
            from.addFirst(unit);
        }
        for (var e : carried.entrySet()) {
            BigDecimal w = weights.get(e.getKey()).multiply(e.getValue().fraction());
            weighted = weighted.add(targets.get(e.getKey()).multiply(w));
            total = total.add(w);
        }
        if (total.signum() <= 0) {
            return new Combined(
                    null,
                    false,
                    from,
                    "the weights of units " + from + " add up to " + Achievement.plain(total)
                            + ", so their targets cannot be averaged into one");
        }
        BigDecimal average = weighted.divide(total, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN);
        return new Combined(Achievement.plain(average), true, from, null);
    }
}
