package org.mandate.indicator;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A figure a unit reports for a period ({@code 2024}, {@code 2024-Q3}, {@code 2024-07}). */
public record NewValue(
        long unitId,
        String period,
        BigDecimal value,
        @Nullable String note) {}
