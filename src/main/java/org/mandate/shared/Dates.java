package org.mandate.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO dates (YYYY-MM-DD) read from user input, with errors that say where and what was expected. */
public final class Dates {
    private Dates() {}

    /** An optional ISO date from a request field: null when blank, a problem naming the field when not a date. */
    public static @org.jspecify.annotations.Nullable LocalDate field(
            String field, @org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InputProblem.field(field, "'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }

    public static LocalDate parse(String file, int line, String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InputProblem(file, line, field, "'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }
}
