package org.mandate.organization;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One unit that takes part of a split unit: an existing one ({@code unitId}) or a new one. */
public record SplitPart(
        @Nullable Long unitId,
        @Nullable NewUnit newUnit,
        @Nullable BigDecimal weight) {}
