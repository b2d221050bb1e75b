package org.mandate.organization.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.UnitVersion;

/** A unit as the API shows it; {@code validFrom} and {@code validTo} are first and last days. */
record UnitJson(
        long id,
        String code,
        String name,
        String fullName,
        @Nullable String nameEn,
        String level,
        String kind,
        @Nullable String parentCode,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {

    static UnitJson of(UnitVersion v) {
        return new UnitJson(
                v.id(),
                v.code(),
                v.name(),
                v.fullName(),
                v.nameEn(),
                v.level(),
                v.kind(),
                v.parentCode(),
                v.validFrom(),
                v.validTo());
    }
}
