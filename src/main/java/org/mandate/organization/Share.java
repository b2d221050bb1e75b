package org.mandate.organization;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much of an old unit went into a new one. */
public enum Share {
    FULL,
    PARTIAL;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    public static Share of(String code) {
        return valueOf(code.toUpperCase());
    }
}
