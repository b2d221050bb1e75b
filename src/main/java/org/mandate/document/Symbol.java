package org.mandate.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The number a user typed for a document, read the way references in texts are read. One that
 * cannot be read ("no number yet", a typo) is kept as given, with a warning, and is identified
 * by its folded spelling.
 */
record Symbol(
        String symbol,
        @Nullable String type,
        String number,
        @Nullable Integer year,
        String issuer,
        boolean local,
        String key,
        String numberKey,
        List<String> codes,
        List<String> warnings) {

    static Symbol read(String written, @Nullable String typeHint) {
        String text = written.strip();
        if (text.isEmpty()) {
            throw org.mandate.shared.InputProblem.field("symbol", "the number and symbol of the document is missing");
        }
        var refs = ReferenceParser.extract(text);
        if (refs.size() == 1 && refs.getFirst().start() == 0 && refs.getFirst().end() == text.length()) {
            Reference ref = refs.getFirst();
            Symbol symbol = of(ref);
            if (ref.type() == null && typeHint != null) {
                String type = canonicalType(typeHint);
                return new Symbol(
                        symbol.symbol(),
                        type,
                        ref.number(),
                        ref.year(),
                        ref.issuer(),
                        symbol.local(),
                        ref.key(),
                        symbol.numberKey(),
                        codes(type, ref.issuer(), ref.year()),
                        List.of());
            }
            return symbol;
        }
        String type = typeHint == null || typeHint.isBlank() ? null : canonicalType(typeHint);
        String digits = text.replaceAll("\\D+", " ").strip();
        String number = digits.isEmpty() ? text : digits.split(" ")[0];
        return new Symbol(
                text,
                type,
                number,
                null,
                "",
                false,
                "raw|" + text.toUpperCase(Locale.ROOT).replaceAll("\\s+", ""),
                number.replaceFirst("^0+(?=\\d)", ""),
                codes(type, text.replaceAll("[\\d\\W_]+", "-"), null),
                List.of("The number '" + text + "' could not be read as an official number (such as 1026-KL/TU or"
                        + " 7/NQ-CP); it is kept as given and found by search, but references in other documents"
                        + " cannot be joined to it"));
    }

    static Symbol of(Reference ref) {
        return new Symbol(
                ref.symbol(),
                ref.type(),
                ref.number(),
                ref.year(),
                ref.issuer(),
                !Issuers.isCentral(ref.issuer()),
                ref.key(),
                ref.number().replaceFirst("^0+(?=\\d)", ""),
                codes(ref.type(), ref.issuer(), ref.year()),
                List.of());
    }

    private static String canonicalType(String hint) {
        String type = ReferenceParser.canonicalType(hint);
        if (type == null) {
            throw org.mandate.shared.InputProblem.field(
                    "type", "'" + hint + "' is not a document type code (NQ, KL, CT, KH, CTr, QĐ, TB, BC, NĐ, TT...)");
        }
        return type;
    }

    /** The folded codes a number search matches: type, each part of the issuer, year. */
    private static List<String> codes(@Nullable String type, String issuer, @Nullable Integer year) {
        var codes = new ArrayList<String>();
        if (type != null) {
            codes.add(Codes.fold(type));
        }
        for (String part : issuer.split("-")) {
            if (!part.isBlank()) {
                codes.add(Codes.fold(part));
            }
        }
        if (year != null) {
            codes.add(year.toString());
        }
        return codes;
    }
}
