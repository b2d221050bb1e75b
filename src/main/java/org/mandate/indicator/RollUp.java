package org.mandate.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A roll-up's figures: each node's value for a period, combining every figure placed at it or
 * under it by the indicator's rule (a sum, an average weighted by each figure's weight, or, for
 * rule none, only the figure placed at the node itself). The database computes them (one GROUP BY
 * over the flattened places, {@code internal.RollUpQuery}) for both views: "as it was" the figures
 * sit in the hierarchy of their period, "as it is now" in today's, carried there.
 */
public final class RollUp {
    private RollUp() {}

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
}
