package org.mandate.document;

import java.util.Locale;
import org.mandate.shared.InputProblem;

/** How one document stands to another that its text refers to. */
public enum Relation {
    IMPLEMENTS,
    CONTINUES,
    AMENDS,
    REPLACES,
    CITES;

    /** The lower-case name the API and the database use. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Relation of(String code) {
        for (Relation r : values()) {
            if (r.code().equalsIgnoreCase(code.strip())) {
                return r;
            }
        }
        throw InputProblem.field(
                "relation", "'" + code + "' is not one of implements, continues, amends, replaces, cites");
    }
}
