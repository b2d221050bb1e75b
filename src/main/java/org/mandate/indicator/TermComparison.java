package org.mandate.indicator;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A unit's figure and targets in a term set beside those of the term before it, in one view.
 *
 * @param betterWhen {@code higher} or {@code lower} (always lower for a rank)
 * @param term the term asked for
 * @param previous the term before it
 * @param change from the previous term's figure to this term's; null when either has none, or
 *     both are the figure of the same period (the year the two terms share)
 * @param notes the reads' notes, and why there is no change
 */
public record TermComparison(
        String indicator,
        long unit,
        String view,
        String betterWhen,
        TermFigure term,
        TermFigure previous,
        @Nullable Change change,
        List<String> notes) {

    /**
     * A term's figure: the last in the term's window (its end, or the latest before it), and the
     * term's targets assessed as {@link Achievements} assesses them.
     *
     * @param period null: no figure in the term's window
     */
    public record TermFigure(
            String term,
            @Nullable String period,
            @Nullable BigDecimal value,
            boolean estimate,
            @Nullable String state,
            List<TargetAchievement> targets) {}

    /**
     * @param absolute the later figure less the earlier
     * @param relative the change as a share of the earlier figure (null when that is 0)
     * @param direction {@code better}, {@code worse} or {@code same}, by the indicator's direction
     */
    public record Change(BigDecimal absolute, @Nullable BigDecimal relative, String direction) {}
}
