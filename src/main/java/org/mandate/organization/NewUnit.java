package org.mandate.organization;

import org.jspecify.annotations.Nullable;

/** A unit to establish: its first name, code, level and kind, and where it sits. */
public record NewUnit(
        Hierarchy hierarchy,
        String code,
        String name,
        String fullName,
        @Nullable String nameEn,
        String level,
        String kind,
        @Nullable Long parentId,
        @Nullable Long localityId) {}
