package org.mandate.indicator;

import org.jspecify.annotations.Nullable;

/**
 * An indicator of the catalogue.
 *
 * @param direction {@code higher} or {@code lower}: which way is better
 * @param weightIndicator the code of the indicator whose values weigh a weighted average
 */
public record Indicator(
        long id,
        String code,
        String nameVi,
        @Nullable String nameEn,
        String unitOfMeasure,
        String direction,
        PeriodType periodType,
        Rollup rollup,
        @Nullable String weightIndicator,
        @Nullable Long documentId) {}
