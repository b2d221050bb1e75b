package org.mandate.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The date of a document, when the text gives it right after the number: "ngày 11/7/2023",
 * "ngày 11 tháng 7 năm 2023", "dated July 11, 2023", "of 10 January 2025". Only a comma and
 * connecting words may stand between the number and the date; numeric dates are day first, as in
 * Vietnamese usage (also in English translations of Vietnamese documents).
 */
final class DateAfter {
    private DateAfter() {}

    private static final List<String> CONNECTORS =
            List.of("ban hành ngày", "ký ngày", "ngày", "ngay", "dated", "issued on", "signed on", "of", "on");

    private static final String[] MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };

    static @Nullable LocalDate read(String text, int end) {
        int p = skipCommaAndSpace(text, end);
        for (String connector : CONNECTORS) {
            if (Text.startsWithWord(text, p, connector)) {
                p = p + connector.length();
                p = skipCommaAndSpace(text, p < text.length() && text.charAt(p) == ':' ? p + 1 : p);
                break;
            }
        }
        return at(text, p);
    }

    private static int skipCommaAndSpace(String text, int i) {
        int n = text.length();
        int limit = Math.min(n, i + 4);
        while (i < limit && (Text.isBlank(text.charAt(i)) || text.charAt(i) == ',' || text.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static @Nullable LocalDate at(String text, int p) {
        if (p >= text.length()) {
            return null;
        }
        if (Text.isDigit(text.charAt(p))) {
            LocalDate numeric = numeric(text, p);
            return numeric != null ? numeric : dayFirst(text, p);
        }
        return monthFirst(text, p);
    }

    /** 11/7/2023, 11-7-2023, 11.7.2023 (a line break may precede a date: "ngày\n20/01/2015") */
    private static @Nullable LocalDate numeric(String text, int p) {
        int dEnd = Text.digitsEnd(text, p);
        if (dEnd - p > 2 || dEnd >= text.length()) {
            return null;
        }
        char sep = text.charAt(dEnd);
        if (sep != '/' && sep != '.' && !Text.isDash(sep)) {
            return null;
        }
        int mEnd = Text.digitsEnd(text, dEnd + 1);
        if (mEnd - dEnd - 1 < 1 || mEnd - dEnd - 1 > 2 || mEnd >= text.length() || text.charAt(mEnd) != sep) {
            return null;
        }
        int yEnd = Text.digitsEnd(text, mEnd + 1);
        if (yEnd - mEnd - 1 != 4) {
            return null;
        }
        return date(text, mEnd + 1, yEnd, Integer.parseInt(text, dEnd + 1, mEnd, 10), p, dEnd);
    }

    /** "11 tháng 7 năm 2023", "11 July 2023", "11th July, 2023" */
    private static @Nullable LocalDate dayFirst(String text, int p) {
        int dEnd = Text.digitsEnd(text, p);
        if (dEnd - p > 2) {
            return null;
        }
        int q = skipOrdinal(text, dEnd);
        q = skipCommaAndSpace(text, q);
        if (Text.startsWithWord(text, q, "tháng")) {
            int mStart = skipCommaAndSpace(text, q + "tháng".length());
            int mEnd = Text.digitsEnd(text, mStart);
            if (mEnd == mStart || mEnd - mStart > 2) {
                return null;
            }
            int y = skipCommaAndSpace(text, mEnd);
            if (!Text.startsWithWord(text, y, "năm")) {
                return null;
            }
            int yStart = skipCommaAndSpace(text, y + "năm".length());
            return year4(text, yStart, Integer.parseInt(text, mStart, mEnd, 10), p, dEnd);
        }
        int month = month(text, q);
        if (month == 0) {
            return null;
        }
        int yStart = skipCommaAndSpace(text, monthEnd(text, q));
        return year4(text, yStart, month, p, dEnd);
    }

    /** "July 11, 2023", "Jan. 10, 2025" */
    private static @Nullable LocalDate monthFirst(String text, int p) {
        int month = month(text, p);
        if (month == 0) {
            return null;
        }
        int dStart = skipCommaAndSpace(text, monthEnd(text, p));
        int dEnd = Text.digitsEnd(text, dStart);
        if (dEnd == dStart || dEnd - dStart > 2) {
            return null;
        }
        int yStart = skipCommaAndSpace(text, skipOrdinal(text, dEnd));
        return year4(text, yStart, month, dStart, dEnd);
    }

    private static @Nullable LocalDate year4(String text, int yStart, int month, int dStart, int dEnd) {
        int yEnd = Text.digitsEnd(text, yStart);
        if (yEnd - yStart != 4) {
            return null;
        }
        return date(text, yStart, yEnd, month, dStart, dEnd);
    }

    private static @Nullable LocalDate date(String text, int yStart, int yEnd, int month, int dStart, int dEnd) {
        if (yEnd < text.length() && Character.isLetterOrDigit(text.charAt(yEnd))) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(text, yStart, yEnd, 10), month, Integer.parseInt(text, dStart, dEnd, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int skipOrdinal(String text, int i) {
        for (String suffix : new String[] {"st", "nd", "rd", "th"}) {
            if (Text.startsWithWord(text, i, suffix)) {
                return i + 2;
            }
        }
        return i;
    }

    /** 1-12 for a month name or its three-letter abbreviation at {@code p}; 0 when there is none. */
    private static int month(String text, int p) {
        for (int m = 0; m < 12; m++) {
            if (Text.startsWithWord(text, p, MONTHS[m]) || Text.startsWithWord(text, p, MONTHS[m].substring(0, 3))) {
                return m + 1;
            }
        }
        return 0;
    }

    private static int monthEnd(String text, int p) {
        int e = p;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e < text.length() && text.charAt(e) == '.' ? e + 1 : e;
    }
}
