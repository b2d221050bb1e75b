package org.mandate.indicator.web;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.View;
import org.mandate.shared.InputProblem;

/** The indicator pages' and APIs' parameters, parsed the one way: bad input is 400 naming the field. */
final class WebParams {
    private WebParams() {}

    static <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw InputProblem.field(field, e.getMessage());
        }
    }

    static View view(String text) {
        return parse("view", text, View::of);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
