package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *   <li>rule weighted_average: not comparable: the rates of merged units are carried with their
 *       weights, but their targets have no weights to be averaged by.
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
     */
    public static Combined combine(
            Rollup rule,
            long unit,
            @Nullable BigDecimal own,
            boolean ownCounts,
            Map<Long, Apportioning.Part> carried,
            Map<Long, BigDecimal> targets) {
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
        if (rule != Rollup.SUM) {
            return new Combined(
                    null,
                    false,
                    from,
                    "units " + from + " were merged into unit " + unit + " and this indicator does not add up ("
                            + rule.code() + "): their targets cannot be combined");
        }
        var missing = new TreeSet<Long>();
        carried.keySet().stream().filter(u -> !targets.containsKey(u)).forEach(missing::add);
        if (ownCounts && own == null) {
            missing.add(unit);
        }
        if (!missing.isEmpty()) {
            return new Combined(
                    null,
                    false,
                    from,
                    "units " + missing + " have no target for the term, so the targets of the units merged into unit "
                            + unit + " do not add up to one");
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
}
