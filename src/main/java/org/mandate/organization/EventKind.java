package org.mandate.organization;

import com.fasterxml.jackson.annotation.JsonValue;

/** What can happen to a unit, each dated and backed by a legal basis. */
public enum EventKind {
    ESTABLISH,
    RENAME,
    CHANGE_KIND,
    TRANSFER,
    MERGE,
    SPLIT,
    DISSOLVE;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    public static EventKind of(String code) {
        return valueOf(code.toUpperCase());
    }
}
