package org.mandate.indicator.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Period;
import org.mandate.shared.RowProblems;
import org.mandate.shared.RowProblems.At;

/**
 * The rules a row of a file of values must keep that need no database: the columns are known, the
 * unit's code, the period, the indicator's code and the figure are there, the period and the
 * figure can be read, and an SDMX row belongs to our dataflow. A row without a figure is left out
 * (a template row not filled in). Rows that keep them are handed on, as clean text, to be checked
 * against the registry and the catalogue in bulk ({@link ImportStore}); the others are problems
 * at their row and column.
 */
public final class ValueRows {
    /** A row that can be looked up: the period written our way, the figure as plain decimal text. */
    public record Staged(
            int row,
            String unitCode,
            String period,
            String indicator,
            String value,
            @Nullable String unitOfMeasure,
            @Nullable String note) {}

    @FunctionalInterface
    public interface Sink {
        void accept(Staged row);
    }

    /** Problems listed at most; the rest are counted. */
    public static final int MAX_LISTED = 1000;

    private static final int MAX_NOTE = 2000;

    private final String file;
    private final Map<ImportField, Integer> columns;
    private final Map<ImportField, String> headers;
    private final boolean sdmx;
    private final List<At> problems = new ArrayList<>();
    private int problemCount;
    private int rows;
    private int withoutFigure;

    private ValueRows(String file, Map<ImportField, Integer> columns, Map<ImportField, String> headers, boolean sdmx) {
        this.file = file;
        this.columns = columns;
        this.headers = headers;
        this.sdmx = sdmx;
    }

    /**
     * Reads the header row. A file with a DATAFLOW or STRUCTURE column is SDMX-CSV, whose other
     * columns (attributes we do not keep) are ignored; in any other file a column we do not know
     * is a problem, as are a column twice and a required column missing.
     *
     * @throws RowProblems every problem of the header
     */
    public static ValueRows header(String file, int row, List<String> header) {
        var columns = new EnumMap<ImportField, Integer>(ImportField.class);
        var headers = new EnumMap<ImportField, String>(ImportField.class);
        var problems = new ArrayList<At>();
        boolean sdmx = header.stream()
                .map(ImportField::of)
                .anyMatch(f -> f.isPresent() && (f.get() == ImportField.DATAFLOW || f.get() == ImportField.STRUCTURE));
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            var field = ImportField.of(name);
            if (field.isEmpty()) {
                if (!sdmx) {
                    problems.add(new At(
                            row, name, "not a column of the template; the columns are " + String.join(", ", known())));
                }
            } else if (columns.containsKey(field.get())) {
                problems.add(new At(row, name, "the column appears twice"));
            } else {
                columns.put(field.get(), i);
                headers.put(field.get(), name);
            }
        }
        for (ImportField f : ImportField.values()) {
            if (f.required() && !columns.containsKey(f)) {
                problems.add(new At(row, f.header(), "the column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RowProblems(file, problems);
        }
        return new ValueRows(file, columns, headers, sdmx);
    }

    private static List<String> known() {
        return List.of(ImportField.values()).stream()
                .filter(f -> !f.name().equals(f.header()))
                .map(ImportField::header)
                .toList();
    }

    /** Checks one row; hands it to the sink when it can be looked up. */
    public void row(int row, List<String> cells, Sink sink) {
        String value = cell(cells, ImportField.VALUE);
        if (value.isEmpty()) {
            withoutFigure++;
            return;
        }
        rows++;
        int before = problemCount;
        String unit = required(row, cells, ImportField.UNIT_CODE, "the unit's code");
        String indicator = required(row, cells, ImportField.INDICATOR, "the indicator's code");
        String periodText = required(row, cells, ImportField.PERIOD, "the period (2024, 2024-Q1, 2024-03)");
        Period period = null;
        if (!periodText.isEmpty()) {
            try {
                period = SdmxCsv.period(periodText);
            } catch (IllegalArgumentException e) {
                problem(row, ImportField.PERIOD, e.getMessage());
            }
        }
        String figure = null;
        try {
            figure = ValueNumbers.parse(value);
        } catch (IllegalArgumentException e) {
            problem(row, ImportField.VALUE, e.getMessage());
        }
        if (sdmx) {
            sdmx(row, cells, period);
        }
        String note = cell(cells, ImportField.NOTE);
        if (note.length() > MAX_NOTE) {
            problem(row, ImportField.NOTE, "the note is longer than " + MAX_NOTE + " characters");
        }
        String uom = cell(cells, ImportField.UNIT_OF_MEASURE);
        if (problemCount == before && period != null && figure != null) {
            sink.accept(new Staged(
                    row,
                    unit,
                    period.toString(),
                    indicator,
                    figure,
                    uom.isEmpty() ? null : uom,
                    note.isEmpty() ? null : note));
        }
    }

    private void sdmx(int row, List<String> cells, @Nullable Period period) {
        String structure = cell(cells, ImportField.STRUCTURE);
        if (columns.containsKey(ImportField.STRUCTURE) && !structure.equalsIgnoreCase("dataflow")) {
            problem(row, ImportField.STRUCTURE, "'" + structure + "' is not 'dataflow'");
        }
        ImportField idColumn =
                columns.containsKey(ImportField.STRUCTURE_ID) ? ImportField.STRUCTURE_ID : ImportField.DATAFLOW;
        String id = cell(cells, idColumn);
        if (!SdmxCsv.isOurs(id)) {
            problem(row, idColumn, "'" + id + "' is not the dataflow " + SdmxCsv.STRUCTURE_ID);
        }
        String action = cell(cells, ImportField.ACTION).toUpperCase(Locale.ROOT);
        if (action.equals("D")) {
            problem(row, ImportField.ACTION, "deletions (D) are not taken: a value is corrected, never deleted");
        } else if (!action.isEmpty() && !List.of("I", "A", "R", "M").contains(action)) {
            problem(row, ImportField.ACTION, "'" + action + "' is not one of I, A, R, M");
        }
        String freq = cell(cells, ImportField.FREQ).toUpperCase(Locale.ROOT);
        if (!freq.isEmpty() && period != null && !freq.equals(SdmxCsv.freq(period.type()))) {
            problem(
                    row,
                    ImportField.FREQ,
                    "FREQ " + freq + " does not fit the period " + period + " (" + SdmxCsv.freq(period.type()) + ")");
        }
    }

    private String required(int row, List<String> cells, ImportField field, String what) {
        String text = cell(cells, field);
        if (text.isEmpty()) {
            problem(row, field, "missing: " + what);
        }
        return text;
    }

    private String cell(List<String> cells, ImportField field) {
        Integer i = columns.get(field);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    /** A problem at a row, in the column of the field as the file names it. */
    public void problem(int row, ImportField field, String reason) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            problems.add(new At(row, header(field), reason));
        }
    }

    /** The column of the field as the file names it (the template's name when it has none). */
    public String header(ImportField field) {
        return headers.getOrDefault(field, field.header());
    }

    public List<At> problems() {
        return problems;
    }

    public int problemCount() {
        return problemCount;
    }

    /** Rows with a figure. */
    public int rows() {
        return rows;
    }

    /** Rows left out because they hold no figure. */
    public int withoutFigure() {
        return withoutFigure;
    }

    public boolean sdmx() {
        return sdmx;
    }

    public String file() {
        return file;
    }
}
