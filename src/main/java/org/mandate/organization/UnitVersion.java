package org.mandate.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A unit as it stood during a period. {@code validFrom} is the first day (null: since before the
 * records begin), {@code validTo} the last day (null: still so).
 */
public record UnitVersion(
        long id,
        Hierarchy hierarchy,
        String code,
        String name,
        String fullName,
        @Nullable String nameEn,
        String level,
        String kind,
        @Nullable Long parentId,
        @Nullable String parentCode,
        @Nullable String parentName,
        @Nullable Long localityId,
        @Nullable String localityName,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {

    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
