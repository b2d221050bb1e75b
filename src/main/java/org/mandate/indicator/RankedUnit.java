package org.mandate.indicator;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A peer in a ranking.
 *
 * @param rank null when the unit has no figure (or, ranked by achievement, no share of a target)
 * @param tied whether another peer shares the rank
 * @param achievement against the term's target, when ranked by achievement
 */
public record RankedUnit(
        @Nullable Integer rank,
        boolean tied,
        long unit,
        String name,
        String level,
        @Nullable BigDecimal value,
        boolean estimate,
        @Nullable String state,
        @Nullable TargetAchievement achievement) {}
