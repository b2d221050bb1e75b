package org.mandate.indicator.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Period;
import org.mandate.indicator.PeriodType;

/**
 * Mandate's dataflow in SDMX-CSV: which columns it has and how its codes map to ours (see
 * docs/INDICATORS.md, "SDMX-CSV"). One dataflow holds every indicator; its dimensions are FREQ,
 * REF_AREA (the unit's official code), INDICATOR (the catalogue's code) and TIME_PERIOD; its
 * attributes UNIT_MEASURE (the catalogue's unit of measure, as text) and OBS_STATUS.
 */
public final class SdmxCsv {
    public static final String AGENCY = "MANDATE";
    public static final String DATAFLOW = "DF_INDICATORS";
    public static final String VERSION = "1.0";
    /** The dataflow as SDMX-CSV names it: {@code MANDATE:DF_INDICATORS(1.0)}. */
    public static final String STRUCTURE_ID = AGENCY + ":" + DATAFLOW + "(" + VERSION + ")";

    private static final Pattern SDMX_ID =
            Pattern.compile("\\s*([A-Za-z0-9_.@-]+):([A-Za-z0-9_@-]+)(\\([^)]*\\))?\\s*");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-M(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})-A1");
    private static final Pattern FIRST_OF_MONTH = Pattern.compile("(\\d{4}-\\d{2})-01");

    private SdmxCsv() {}

    /** Whether a DATAFLOW or STRUCTURE_ID cell names this dataflow (any version). */
    public static boolean isOurs(String structureId) {
        var m = SDMX_ID.matcher(structureId);
        return m.matches() && m.group(1).equalsIgnoreCase(AGENCY) && m.group(2).equalsIgnoreCase(DATAFLOW);
    }

    /** SDMX's frequency code of a period type: A, Q or M. */
    public static String freq(PeriodType type) {
        return switch (type) {
            case YEAR -> "A";
            case QUARTER -> "Q";
            case MONTH -> "M";
        };
    }

    /**
     * OBS_STATUS of a figure (SDMX code list CL_OBS_STATUS): E estimated (apportioned through a
     * partial succession), A normal (approved), P provisional (draft or submitted).
     */
    public static String obsStatus(String state, boolean estimate) {
        if (estimate) {
            return "E";
        }
        return "approved".equals(state) ? "A" : "P";
    }

    /**
     * A period as written in a file: ours ({@code 2024}, {@code 2024-Q1}, {@code 2024-03}), SDMX's
     * reporting forms ({@code 2024-A1}, {@code 2024-M03}), or the first day of a month, which a
     * spreadsheet makes of a typed 2024-03 ({@code 2024-03-01}).
     *
     * @throws IllegalArgumentException saying why it is not a period
     */
    public static Period period(String text) {
        Period plain = plain(text);
        if (plain != null) {
            return plain; // the common forms, read without a regular expression: a million rows come this way
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        var month = MONTH.matcher(t);
        if (month.matches()) {
            return Period.parse(month.group(1) + "-" + month.group(2));
        }
        var year = YEAR.matcher(t);
        if (year.matches()) {
            return Period.parse(year.group(1));
        }
        var first = FIRST_OF_MONTH.matcher(t);
        if (first.matches()) {
            return Period.parse(first.group(1));
        }
        return Period.parse(t);
    }

    private static @Nullable Period plain(String t) {
        int n = t.length();
        if (n != 4 && n != 7 || !digits(t, 0, 4)) {
            return null;
        }
        int year = Integer.parseInt(t, 0, 4, 10);
        if (year < 1900 || year > 2200) {
            return null;
        }
        if (n == 4) {
            return new Period(PeriodType.YEAR, year, 0);
        }
        if (t.charAt(4) != '-') {
            return null;
        }
        if (t.charAt(5) == 'Q' && t.charAt(6) >= '1' && t.charAt(6) <= '4') {
            return new Period(PeriodType.QUARTER, year, t.charAt(6) - '0');
        }
        if (digits(t, 5, 7)) {
            int month = Integer.parseInt(t, 5, 7, 10);
            return month >= 1 && month <= 12 ? new Period(PeriodType.MONTH, year, month) : null;
        }
        return null;
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
