package org.mandate.document;

import java.util.Locale;
import org.mandate.shared.InputProblem;

public enum DocumentStatus {
    IN_FORCE,
    AMENDED,
    REPLACED,
    EXPIRED;

    /** The lower-case name the API and the database use. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus of(String code) {
        for (DocumentStatus s : values()) {
            if (s.code().equalsIgnoreCase(code.strip())) {
                return s;
            }
        }
        throw InputProblem.field("status", "'" + code + "' is not one of in_force, amended, replaced, expired");
    }
}
