package org.mandate.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A search of the registry as of a date.
 *
 * @param parentCode only units below this unit (at any depth), the parent being read as of the same date
 * @param text diacritic- and case-insensitive name or code search, ranked by closeness
 */
public record UnitQuery(
        LocalDate asOf,
        Hierarchy hierarchy,
        @Nullable String level,
        @Nullable String parentCode,
        @Nullable String text,
        int page,
        int size) {}
