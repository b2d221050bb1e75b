package org.mandate.organization.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.Hierarchy;
import org.mandate.shared.Dates;
import org.mandate.shared.InputProblem;

/** Request parameters read strictly, each error naming the parameter. */
final class Params {
    private Params() {}

    static LocalDate date(String name, @Nullable String text) {
        return text == null || text.isBlank() ? LocalDate.now() : Dates.parse(null, 0, name, text);
    }

    static Hierarchy hierarchy(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Hierarchy.LOCALITY;
        }
        return switch (text) {
            case "locality" -> Hierarchy.LOCALITY;
            case "body" -> Hierarchy.BODY;
            default -> throw InputProblem.field("hierarchy", "'" + text + "' is not locality or body");
        };
    }

    static int integer(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw InputProblem.field(name, value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw InputProblem.field(name, "'" + text + "' is not a whole number");
        }
    }

    static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InputProblem.field("id", "'" + text + "' is not a unit id (a whole number)");
        }
    }
}
