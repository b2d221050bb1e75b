package org.mandate.indicator;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a resolution sets a unit to reach in a term, or in one year of it.
 *
 * @param year null: the target for the whole term
 */
public record Target(
        long id,
        String indicator,
        long unit,
        String term,
        @Nullable Integer year,
        BigDecimal value,
        @Nullable Long documentId) {}
