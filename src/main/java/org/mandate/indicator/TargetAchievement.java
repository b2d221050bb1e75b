package org.mandate.indicator;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target and how far the unit has come towards it.
 *
 * @param year null: the target for the whole term
 * @param target null when there is none, or (as it is now) the merged units' targets cannot be
 *     combined
 * @param targetEstimate whether the target was combined from partial shares of merged units
 * @param targetFrom the units whose targets make it up (the unit itself, or those merged into it)
 * @param lastPeriod the target's last period: the end of the term or of its year
 * @param share the share of the target the latest figure reaches (null: no ratio applies)
 * @param projected the trend projected to the end of the last period (null: the figure is in, or
 *     the target is already reached)
 * @param method {@code linear} or {@code compound} when projected
 * @param status achieved, on_track, at_risk, off_track, no_data or not_comparable
 * @param note why it is not comparable
 */
public record TargetAchievement(
        @Nullable Integer year,
        @Nullable BigDecimal target,
        boolean targetEstimate,
        List<Long> targetFrom,
        String lastPeriod,
        @Nullable String latestPeriod,
        @Nullable BigDecimal latest,
        boolean latestEstimate,
        @Nullable BigDecimal share,
        @Nullable BigDecimal projected,
        @Nullable BigDecimal projectedShare,
        @Nullable String method,
        String status,
        @Nullable String note) {}
