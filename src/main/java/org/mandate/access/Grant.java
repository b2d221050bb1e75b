package org.mandate.access;

import org.jspecify.annotations.Nullable;

/** A role at a unit; a null unit is the whole country. */
public record Grant(long id, Role role, @Nullable Long unitId, String unitName) {
    public boolean wholeCountry() {
        return unitId == null;
    }
}
