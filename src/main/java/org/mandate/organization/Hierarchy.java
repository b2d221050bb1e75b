package org.mandate.organization;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two trees of the apparatus: administrative units, and the bodies of the political system. */
public enum Hierarchy {
    LOCALITY,
    BODY;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    public static Hierarchy of(String code) {
        return valueOf(code.toUpperCase());
    }
}
