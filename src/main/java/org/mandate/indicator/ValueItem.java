package org.mandate.indicator;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One figure of a read: a unit's own value or its rolled-up value for a period.
 *
 * @param unit the unit's id
 * @param value null when it cannot be computed (the read's notes say why)
 * @param estimate whether a partial share of a unit that ended went into it (apportioned)
 * @param state the least advanced state of the values it comes from
 */
public record ValueItem(long unit, String period, @Nullable BigDecimal value, boolean estimate, String state) {}
