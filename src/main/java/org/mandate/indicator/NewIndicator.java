package org.mandate.indicator;

import org.jspecify.annotations.Nullable;

/** What the office gives to add an indicator to the catalogue; checked by {@link Indicators}. */
public record NewIndicator(
        String code,
        String nameVi,
        @Nullable String nameEn,
        String unitOfMeasure,
        String direction,
        PeriodType periodType,
        Rollup rollup,
        @Nullable String weightIndicator,
        @Nullable Long documentId) {}
