package org.mandate.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO dates (YYYY-MM-DD) read from user input, with errors that say where and what was expected. */
public final class Dates {
    private Dates() {}

    public static LocalDate parse(String file, int line, String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InputProblem(file, line, field, "'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }
}
