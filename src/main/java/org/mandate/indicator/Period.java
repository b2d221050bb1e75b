package org.mandate.indicator;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A reporting period: a year ({@code 2024}), a quarter ({@code 2024-Q3}) or a month
 * ({@code 2024-07}). {@code part} is the quarter or month (0 for a year).
 */
public record Period(PeriodType type, int year, int part) implements Comparable<Period> {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public Period {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("the year " + year + " is not between 1900 and 2200");
        }
    }

    /** @throws IllegalArgumentException when the text is not a period in one of the three forms */
    public static Period parse(String text) {
        var m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a period: write a year (2024), a quarter (2024-Q3) or a month (2024-07)");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(PeriodType.QUARTER, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(PeriodType.MONTH, year, Integer.parseInt(m.group(3)));
        }
        return new Period(PeriodType.YEAR, year, 0);
    }

    /** Parses and requires the indicator's period type. */
    public static Period parse(String text, PeriodType expected) {
        Period p = parse(text);
        if (p.type != expected) {
            throw new IllegalArgumentException("'" + text + "' is a " + p.type.code()
                    + "; this indicator is measured by " + expected.code() + " (like " + expected.example() + ")");
        }
        return p;
    }

    /** The period of the type that holds the day. */
    public static Period containing(PeriodType type, LocalDate day) {
        return switch (type) {
            case YEAR -> new Period(type, day.getYear(), 0);
            case QUARTER -> new Period(type, day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> new Period(type, day.getYear(), day.getMonthValue());
        };
    }

    /** The latest period of the type that ends on or before the day. */
    public static Period endingBy(PeriodType type, LocalDate day) {
        Period p = containing(type, day);
        return p.lastDay().isAfter(day) ? containing(type, p.firstDay().minusDays(1)) : p;
    }

    public LocalDate firstDay() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, part * 3 - 2, 1);
            case MONTH -> LocalDate.of(year, part, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> firstDay().plusMonths(3).minusDays(1);
            case MONTH -> firstDay().plusMonths(1).minusDays(1);
        };
    }

    @Override
    public int compareTo(Period o) {
        return firstDay().compareTo(o.firstDay());
    }

    @Override
    public String toString() {
        return switch (type) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + part;
            case MONTH -> "%d-%02d".formatted(year, part);
        };
    }
}
