package org.mandate.task.internal;

import static org.mandate.task.internal.ImportColumn.COORDINATING_UNITS;
import static org.mandate.task.internal.ImportColumn.DEADLINE;
import static org.mandate.task.internal.ImportColumn.EXPECTED_RESULT;
import static org.mandate.task.internal.ImportColumn.LEAD_UNIT;
import static org.mandate.task.internal.ImportColumn.PRIORITY;
import static org.mandate.task.internal.ImportColumn.RESPONSIBLE;
import static org.mandate.task.internal.ImportColumn.SOURCE_DOCUMENT;
import static org.mandate.task.internal.ImportColumn.START;
import static org.mandate.task.internal.ImportColumn.TITLE;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mandate.document.ReferenceParser;
import org.mandate.shared.RowProblems.At;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.internal.Sheet.Cell;

/**
 * The rules every row of an import meets, all checked before anything is created: each problem
 * is kept with its row and column so that the whole file is put right in one pass. The registry
 * is reached through {@link Registry}, so the rules run without a database.
 */
public final class ImportRows {
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    // locality codes have 2 (province), 3 (district) or 5 (commune) digits; a spreadsheet that
    // took 06712 for a number shows 6712
    private static final int[] CODE_WIDTHS = {2, 3, 5};

    private ImportRows() {}

    /** What the rules look up: units by their code today, documents the importer may read. */
    public interface Registry {
        List<Unit> unitsWithCode(String code);

        List<Document> documentsWithNumber(String symbol);
    }

    public record Unit(long id, String code, String name) {}

    /** A document found by its number; one not {@code registered} is known by number only, from references. */
    public record Document(long id, String symbol, @Nullable LocalDate issuedOn, boolean registered) {}

    /** A row that met every rule: the task it makes. */
    public record Ready(int row, NewTask task) {}

    /** The tasks to create when {@code problems} is empty; otherwise none. */
    public record Checked(List<Ready> tasks, List<At> problems) {}

    public static Checked check(Sheet sheet, Registry registry, LocalDate today) {
        var problems = new ArrayList<At>();
        var columns = ImportColumn.inHeader(sheet, problems);
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }
        var ready = new ArrayList<Ready>();
        for (Sheet.Row row : sheet.rows()) {
            var task = new RowCheck(row, sheet.header(), columns, registry, problems).task(today);
            if (task != null) {
                ready.add(new Ready(row.number(), task));
            }
        }
        return new Checked(problems.isEmpty() ? ready : List.of(), problems);
    }

    /** Whether two spellings name the same official number ("1026-kl/tu", "1026-KL/TU"). */
    public static boolean sameNumber(String a, String b) {
        return numberKey(a).equals(numberKey(b));
    }

    private static String numberKey(String symbol) {
        String text = symbol.strip();
        var refs = ReferenceParser.extract(text);
        if (refs.size() == 1 && refs.getFirst().start() == 0 && refs.getFirst().end() == text.length()) {
            return refs.getFirst().key();
        }
        return "raw|" + text.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** One row: its cells by column, and the problems found in it, added to the file's. */
    private static final class RowCheck {
        private final Sheet.Row row;
        private final Registry registry;
        private final List<At> problems;
        private final Map<ImportColumn, Cell> cells = new EnumMap<>(ImportColumn.class);
        private final int problemsBefore;

        RowCheck(
                Sheet.Row row,
                List<String> header,
                Map<Integer, ImportColumn> columns,
                Registry registry,
                List<At> problems) {
            this.row = row;
            this.registry = registry;
            this.problems = problems;
            this.problemsBefore = problems.size();
            row.cells().forEach((index, cell) -> {
                ImportColumn column = columns.get(index);
                if (column != null) {
                    cells.put(column, cell);
                } else if (index >= header.size() || header.get(index).isBlank()) {
                    problem(
                            "column " + Sheet.letters(index),
                            "a value in a column with no header: '" + cell.text() + "'");
                }
            });
        }

        @Nullable
        NewTask task(LocalDate today) {
            String title = text(TITLE);
            if (title == null) {
                problem(TITLE, "missing: the task's title");
            }
            String leadCode = text(LEAD_UNIT);
            Long lead = null;
            if (leadCode == null) {
                problem(LEAD_UNIT, "missing: the code of the lead unit (đơn vị chủ trì)");
            } else {
                lead = unit(LEAD_UNIT, leadCode);
            }
            var coordinators = coordinators(lead);
            Priority priority = priority();
            int before = problems.size();
            LocalDate start = date(START);
            boolean startRead = problems.size() == before;
            LocalDate deadline = date(DEADLINE);
            if (start == null) {
                start = today;
            }
            if (startRead && deadline != null && deadline.isBefore(start)) {
                problem(
                        DEADLINE,
                        "the deadline " + SHOWN.format(deadline) + " is before the start " + SHOWN.format(start)
                                + (cells.containsKey(START) ? "" : " (no start given: today)"));
            }
            Long document = document();
            if (problems.size() > problemsBefore) {
                return null;
            }
            return new NewTask(
                    Objects.requireNonNull(title),
                    Objects.requireNonNull(lead),
                    coordinators,
                    text(RESPONSIBLE),
                    priority,
                    text(EXPECTED_RESULT),
                    start,
                    deadline,
                    document,
                    null,
                    null,
                    null);
        }

        private List<Long> coordinators(@Nullable Long lead) {
            String codes = text(COORDINATING_UNITS);
            if (codes == null) {
                return List.of();
            }
            var ids = new LinkedHashSet<Long>();
            for (String code : codes.split(";")) {
                if (!code.isBlank()) {
                    Long id = unit(COORDINATING_UNITS, code.strip());
                    if (id != null && !id.equals(lead)) {
                        ids.add(id);
                    }
                }
            }
            return List.copyOf(ids);
        }

        private @Nullable Long unit(ImportColumn column, String code) {
            var found = new ArrayList<>(registry.unitsWithCode(code));
            if (found.isEmpty() && code.matches("\\d{1,4}")) {
                for (int width : CODE_WIDTHS) {
                    if (width > code.length()) {
                        found.addAll(registry.unitsWithCode("0".repeat(width - code.length()) + code));
                    }
                }
            }
            if (found.size() == 1) {
                return found.getFirst().id();
            }
            if (found.isEmpty()) {
                problem(column, "no unit has the code '" + code + "' in the registry today");
            } else {
                problem(
                        column,
                        "the code '" + code + "' fits " + found.size() + " units today ("
                                + found.stream()
                                        .map(u -> u.code() + " " + u.name())
                                        .collect(Collectors.joining(", "))
                                + "): write the code in full, in a cell formatted as text");
            }
            return null;
        }

        private Priority priority() {
            String typed = text(PRIORITY);
            if (typed == null) {
                return Priority.NORMAL;
            }
            return SheetWords.priority(typed).orElseGet(() -> {
                problem(
                        PRIORITY,
                        "'" + typed + "' is not a priority: write cao, bình thường or thấp (or high, normal, low)");
                return Priority.NORMAL;
            });
        }

        private @Nullable LocalDate date(ImportColumn column) {
            return switch (cells.get(column)) {
                case null -> null;
                case Cell.Dated d -> d.date();
                case Cell.Numeric n -> {
                    problem(
                            column,
                            "'" + n.text() + "' is a number, not a date: write the date as dd/mm/yyyy or"
                                    + " yyyy-mm-dd, or format the cell as a date");
                    yield null;
                }
                case Cell.Text t -> {
                    try {
                        yield t.text().contains("/")
                                ? LocalDate.parse(t.text(), DAY_MONTH_YEAR)
                                : LocalDate.parse(t.text());
                    } catch (DateTimeParseException e) {
                        problem(
                                column,
                                "'" + t.text() + "' is not a date: write dd/mm/yyyy (such as 31/03/2027) or"
                                        + " yyyy-mm-dd");
                        yield null;
                    }
                }
            };
        }

        private @Nullable Long document() {
            String number = text(SOURCE_DOCUMENT);
            if (number == null) {
                return null;
            }
            var found = registry.documentsWithNumber(number).stream()
                    .filter(d -> sameNumber(number, d.symbol()))
                    .toList();
            // a registered document is the one meant over a row known only from references to it
            if (found.stream().anyMatch(Document::registered)) {
                found = found.stream().filter(Document::registered).toList();
            }
            if (found.size() == 1) {
                return found.getFirst().id();
            }
            if (found.isEmpty()) {
                problem(
                        SOURCE_DOCUMENT,
                        "no document you may read has the number '" + number
                                + "': register it first, or leave the cell empty");
            } else {
                problem(
                        SOURCE_DOCUMENT,
                        "'" + number + "' is the number of " + found.size() + " documents you may read ("
                                + found.stream()
                                        .map(d -> "id " + d.id()
                                                + (d.issuedOn() == null ? "" : " of " + SHOWN.format(d.issuedOn())))
                                        .collect(Collectors.joining(", "))
                                + "); the import cannot tell which");
            }
            return null;
        }

        private @Nullable String text(ImportColumn column) {
            Cell cell = cells.get(column);
            if (cell == null) {
                return null;
            }
            return cell.text().isBlank() ? null : cell.text();
        }

        private void problem(ImportColumn column, String reason) {
            problem(column.header(), reason);
        }

        private void problem(String column, String reason) {
            problems.add(new At(row.number(), column, reason));
        }
    }
}
