package org.mandate.document;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.document.Reference.Style;

/**
 * Reads official document numbers from free text, English or Vietnamese: Party style
 * ({@code 1026-KL/TU}) and State style ({@code 7/NQ-CP}, {@code 35/2021/QH15},
 * {@code 183/2010/TTLT/BTC-BNN}), with the spellings real text has (spaces around separators, en
 * dashes, D for Đ, lower case, no "No.", words run together, lists that share one symbol such as
 * "Nghị quyết số 01, 02/NQ-CP"), and the date that follows a number.
 *
 * <p>A hand-written scanner rather than one large regular expression: it looks only at digit runs,
 * decides each with a few character tests, and never backtracks over the text (see the JMH
 * benchmark {@code ReferenceParserBenchmark}). Pure Java, no state, safe from any thread.
 */
public final class ReferenceParser {
    private static final int MAX_NUMBER_DIGITS = 6;

    private ReferenceParser() {}

    /** Every reference in the text, in order of appearance. */
    public static List<Reference> extract(CharSequence input) {
        String text = input.toString();
        var found = new ArrayList<Reference>();
        int n = text.length();
        int lastEnd = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            int runEnd = Text.digitsEnd(text, i);
            Reference ref = mayStart(text, i) ? symbolAt(text, i, runEnd) : null;
            if (ref == null) {
                i = runEnd;
                continue;
            }
            ElidedLists.addBefore(text, ref, lastEnd, found);
            found.add(ref);
            i = lastEnd = ref.end();
        }
        return found;
    }

    /** What identifies a document whatever its spelling: folded type, number without zeros, issuer, year. */
    public static String key(@Nullable String type, String number, String issuer, @Nullable Integer year) {
        String digits = number.replaceFirst("^0+(?=\\d)", "");
        return (type == null ? "" : Codes.fold(type)) + "|" + digits + "|" + Codes.fold(issuer) + "|"
                + (year == null ? "" : year);
    }

    /** The canonical spelling of a type code ({@code qd} gives {@code QĐ}), or null when it is none. */
    public static @Nullable String canonicalType(String code) {
        return Codes.type(code.strip());
    }

    /** A number does not start inside another number, a date or a code ({@code 11/7}, {@code 2.680}). */
    private static boolean mayStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char prev = text.charAt(i - 1);
        if (prev == '/' || Text.isDash(prev)) {
            return false;
        }
        return !((prev == '.' || prev == ',') && i >= 2 && Text.isDigit(text.charAt(i - 2)));
    }

    private static @Nullable Reference symbolAt(String text, int start, int numberEnd) {
        if (numberEnd - start > MAX_NUMBER_DIGITS) {
            return null;
        }
        int p = Text.skipBlanks(text, numberEnd);
        if (p >= text.length()) {
            return null;
        }
        char sep = text.charAt(p);
        if (sep == '/') {
            return stateStyle(text, start, numberEnd, Text.skipBlanks(text, p + 1));
        }
        if (Text.isDash(sep)) {
            return partyStyle(text, start, numberEnd, Text.skipBlanks(text, p + 1));
        }
        if (sep == '.' && p == numberEnd) {
            return typedAfterDot(text, start, numberEnd, p + 1);
        }
        return null;
    }

    /** number-TYPE/ISSUER: the type must be a known one and the issuer must follow a slash. */
    private static @Nullable Reference partyStyle(String text, int start, int numberEnd, int p) {
        int typeEnd = Text.codeEnd(text, p);
        String type = typeEnd > p ? Codes.type(text.substring(p, typeEnd)) : null;
        if (type == null) {
            return null;
        }
        int q = Text.skipBlanks(text, typeEnd);
        // the slash after the type is sometimes typed as a dash: 37-NQ-TW
        if (q >= text.length() || text.charAt(q) != '/' && !Text.isDash(text.charAt(q))) {
            return null;
        }
        int issuerStart = Text.skipBlanks(text, q + 1);
        int end = Text.issuerEnd(text, issuerStart);
        if (end == issuerStart) {
            return null;
        }
        return build(text, start, numberEnd, null, type, issuerStart, end, Style.PARTY);
    }

    /** number.TYPE-ISSUER, a slip for number/TYPE-ISSUER ("42.TTr-BXD"): only with a known type. */
    private static @Nullable Reference typedAfterDot(String text, int start, int numberEnd, int p) {
        int typeEnd = Text.codeEnd(text, p);
        String type = typeEnd > p ? Codes.type(text.substring(p, typeEnd)) : null;
        if (type == null
                || typeEnd >= text.length()
                || !Text.isDash(text.charAt(typeEnd)) && text.charAt(typeEnd) != '/') {
            return null;
        }
        int end = Text.issuerEnd(text, typeEnd + 1);
        return end == typeEnd + 1 ? null : build(text, start, numberEnd, null, type, typeEnd + 1, end, Style.STATE);
    }

    /** number/[year/]TYPE-ISSUER, number/[year/]TYPE/ISSUER or number/[year/]ISSUER. */
    private static @Nullable Reference stateStyle(String text, int start, int numberEnd, int p) {
        Integer year = null;
        if (Text.digitsEnd(text, p) == p + 4) {
            int y = Integer.parseInt(text, p, p + 4, 10);
            int q = Text.skipBlanks(text, p + 4);
            if (y < 1945 || y > 2100 || q >= text.length() || text.charAt(q) != '/') {
                return null;
            }
            year = y;
            p = Text.skipBlanks(text, q + 1);
        }
        int codeEnd = Text.codeEnd(text, p);
        if (codeEnd == p) {
            return null;
        }
        String type = Codes.type(text.substring(p, codeEnd));
        if (type != null) {
            int q = Text.skipBlanks(text, codeEnd);
            if (q < text.length() && (text.charAt(q) == '/' || Text.isDash(text.charAt(q)))) {
                int issuerStart = Text.skipBlanks(text, q + 1);
                int end = Text.issuerEnd(text, issuerStart);
                if (end > issuerStart) {
                    return build(text, start, numberEnd, year, type, issuerStart, end, Style.STATE);
                }
            }
            return null;
        }
        int end = Text.issuerEnd(text, p);
        // without a type or a year, only an issuer in capitals is a symbol ("123/UBND-VP", not "50/ha")
        if (year == null && !Text.isCapitalCode(text, p, end)) {
            return null;
        }
        return build(text, start, numberEnd, year, KindWords.typeBefore(text, start), p, end, Style.UNTYPED);
    }

    private static Reference build(
            String text,
            int start,
            int numberEnd,
            @Nullable Integer year,
            @Nullable String type,
            int issuerStart,
            int end,
            Style style) {
        return new Reference(
                text.substring(start, end),
                start,
                end,
                text.substring(start, numberEnd),
                year,
                type,
                Codes.issuer(text.substring(issuerStart, end)),
                DateAfter.read(text, end),
                style);
    }
}
