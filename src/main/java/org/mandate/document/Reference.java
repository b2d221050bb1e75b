package org.mandate.document;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An official document number found in a text: where it is ({@code start} inclusive, {@code end}
 * exclusive, in UTF-16 units of the text), what it says, and the document's date when the text
 * gives one right after it.
 *
 * @param raw the characters of the symbol as written, from the number to the end of the issuer
 * @param number the digits as written (leading zeros kept)
 * @param year the year held by the symbol itself ({@code 35/2021/QH15}), not by a date
 * @param type the type code, canonical ({@code NQ}, {@code QĐ}, {@code CTr}, {@code QĐi}), or
 *     the kind named before a symbol without one ({@code Nghị quyết 35/2021/QH15} gives NQ)
 * @param issuer the issuer code, upper case
 * @param style how the symbol is built, for writing it the standard way
 */
public record Reference(
        String raw,
        int start,
        int end,
        String number,
        @Nullable Integer year,
        @Nullable String type,
        String issuer,
        @Nullable LocalDate date,
        Style style) {

    public enum Style {
        /** number-TYPE/ISSUER, the Party's way: {@code 1026-KL/TU} */
        PARTY,
        /** number/[year/]TYPE-ISSUER, the State's way: {@code 7/NQ-CP}, {@code 09/2019/NĐ-CP} */
        STATE,
        /** number/[year/]ISSUER with no type code: {@code 35/2021/QH15}, {@code 123/UBND-VP} */
        UNTYPED
    }

    /** The symbol written the standard way: {@code 1026-KL/TU}, {@code 09/2019/NĐ-CP}, {@code 35/2021/QH15}. */
    public String symbol() {
        if (style == Style.PARTY) {
            return number + "-" + type + "/" + issuer;
        }
        var s = new StringBuilder(number).append('/');
        if (year != null) {
            s.append(year).append('/');
        }
        if (style == Style.STATE) {
            // joint documents put a slash after the type: 183/2010/TTLT/BTC-BNN
            s.append(type).append(type != null && type.endsWith("LT") ? '/' : '-');
        }
        return s.append(issuer).toString();
    }

    /**
     * What identifies the document whatever the spelling: type, number without leading zeros,
     * issuer and year. {@code 06 - NQ / TU} and {@code 6-NQ/TU} have the same key.
     */
    public String key() {
        // a symbol without a type code is whole without it: 35/2021/QH15 whatever kind word precedes it
        return ReferenceParser.key(style == Style.UNTYPED ? null : type, number, issuer, year);
    }
}
