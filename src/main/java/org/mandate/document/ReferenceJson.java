package org.mandate.document;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One reference as {@code POST /api/references/extract} and {@code ./mandate refs} give it; the shape is fixed. */
public record ReferenceJson(
        String raw,
        int start,
        int end,
        String number,
        @Nullable Integer year,
        @Nullable String type,
        String issuer,
        @Nullable LocalDate date) {

    /** Every reference of the text, in this shape. */
    public static java.util.List<ReferenceJson> extract(CharSequence text) {
        return ReferenceParser.extract(text).stream().map(ReferenceJson::of).toList();
    }

    public static ReferenceJson of(Reference r) {
        return new ReferenceJson(r.raw(), r.start(), r.end(), r.number(), r.year(), r.type(), r.issuer(), r.date());
    }
}
