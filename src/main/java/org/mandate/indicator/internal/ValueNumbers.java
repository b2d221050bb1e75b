package org.mandate.indicator.internal;

import java.math.BigDecimal;

/**
 * Figures as offices type them. A Vietnamese office writes 74,8 and 1.234.567; a machine or an
 * English one writes 74.8 and 1,234,567. Read so: spaces are dropped; when both '.' and ',' occur
 * the last one is the decimal mark and the other groups thousands; when one mark occurs once it is
 * the decimal mark; when it occurs several times it groups thousands (in groups of three).
 */
public final class ValueNumbers {
    private ValueNumbers() {}

    /**
     * The figure as plain decimal text ({@code 1234.5}), or throws with the reason.
     *
     * @throws IllegalArgumentException saying why the text is not a figure
     */
    public static String parse(String text) {
        if (plain(text)) {
            return text; // the common case of machine-written files, read as it is
        }
        String s = strip(text);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no figure");
        }
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        String plain;
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            int at = Math.max(dot, comma);
            String whole = s.substring(0, at);
            if (whole.indexOf(decimal) >= 0) {
                throw notAFigure(text);
            }
            plain = grouped(whole, grouping, text) + "." + s.substring(at + 1);
        } else if (dot >= 0 || comma >= 0) {
            char mark = dot >= 0 ? '.' : ',';
            int first = s.indexOf(mark);
            plain = first == s.lastIndexOf(mark) ? s.replace(mark, '.') : grouped(s, mark, text);
        } else {
            plain = s;
        }
        try {
            BigDecimal value = new BigDecimal(plain);
            BigDecimal stripped = value.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        } catch (NumberFormatException e) {
            throw notAFigure(text);
        }
    }

    /** Digits grouped by threes with the mark: 1.234.567 -> 1234567. */
    private static String grouped(String s, char mark, String text) {
        String[] groups = s.split(java.util.regex.Pattern.quote(String.valueOf(mark)), -1);
        String head = groups[0].startsWith("-") || groups[0].startsWith("+") ? groups[0].substring(1) : groups[0];
        if (head.isEmpty() || head.length() > 3 || !digits(head)) {
            throw notAFigure(text);
        }
        var out = new StringBuilder(groups[0]);
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3 || !digits(groups[i])) {
                throw notAFigure(text);
            }
            out.append(groups[i]);
        }
        return out.toString();
    }

    /** Digits with at most one '.' between digits, and an optional leading '-'. */
    private static boolean plain(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int start = i;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot && i > start && i < n - 1) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return n > start && n - start <= 30;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String strip(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException notAFigure(String text) {
        return new IllegalArgumentException("'" + text + "' is not a figure: write 1234 or 1234,5 (or 1234.5);"
                + " thousands may be grouped as 1.234.567");
    }
}
