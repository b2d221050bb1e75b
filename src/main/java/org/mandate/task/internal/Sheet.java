package org.mandate.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A worksheet as read, before any rule: its header row and the rows below it that hold anything.
 * Rows are numbered as the spreadsheet shows them (the first is 1); cells are keyed by column
 * position (0 is column A), blank cells left out.
 */
public record Sheet(String file, int headerRow, List<String> header, List<Row> rows) {

    public record Row(int number, Map<Integer, Cell> cells) {}

    /** What a cell held: text, a number, or a date (a number the spreadsheet formats as a date). */
    public sealed interface Cell {
        /** The cell as text: whole numbers without a decimal point, dates as dd/mm/yyyy. */
        String text();

        record Text(String text) implements Cell {}

        record Numeric(double value) implements Cell {
            @Override
            public String text() {
                return value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) value)
                        : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
        }

        record Dated(LocalDate date) implements Cell {
            @Override
            public String text() {
                return DateTimeFormatter.ofPattern("dd/MM/uuuu").format(date);
            }
        }
    }

    /** A column's letters as the spreadsheet shows them: 0 is A, 26 is AA. */
    public static String letters(int column) {
        var s = new StringBuilder();
        for (int i = column + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }
}
