package org.mandate.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mandate.shared.RowProblems.At;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.internal.ImportRows.Document;
import org.mandate.task.internal.ImportRows.Unit;
import org.mandate.task.internal.Sheet.Cell;

/** The rules of an imported row, against a registry of a few units and documents. */
class ImportRowsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final List<String> HEADER =
            List.of(ImportColumn.values()).stream().map(ImportColumn::header).toList();

    /** Móng Cái 1, 2, 3, the provincial Party committee, and two units whose codes differ by zeros. */
    static final ImportRows.Registry REGISTRY = new ImportRows.Registry() {
        final Map<String, Unit> units = Map.of(
                "06712", new Unit(1, "06712", "Móng Cái 1"),
                "06709", new Unit(2, "06709", "Móng Cái 2"),
                "06736", new Unit(3, "06736", "Móng Cái 3"),
                "TU-QN", new Unit(4, "TU-QN", "Tỉnh ủy Quảng Ninh"),
                "04", new Unit(5, "04", "Cao Bằng"),
                "00004", new Unit(6, "00004", "Phường Ba Đình"));

        @Override
        public List<Unit> unitsWithCode(String code) {
            return units.containsKey(code) ? List.of(units.get(code)) : List.of();
        }

        @Override
        public List<Document> documentsWithNumber(String symbol) {
            // as the search answers: the number in any spelling, and documents that merely mention it
            return switch (symbol.toUpperCase()) {
                case "1026-KL/TU", "1026 KL TU" ->
                    List.of(
                            new Document(12, "1026-KL/TU", null, false),
                            new Document(10, "1026-KL/TU", LocalDate.of(2024, 10, 9), true),
                            new Document(11, "1137-KL/TU", LocalDate.of(2024, 11, 1), true));
                case "06-NQ/TU" ->
                    List.of(
                            new Document(20, "06-NQ/TU", LocalDate.of(2021, 3, 1), true),
                            new Document(21, "06-NQ/TU", LocalDate.of(2026, 2, 1), true));
                case "7/NQ-CP" -> List.of(new Document(30, "7/NQ-CP", null, false));
                default -> List.of();
            };
        }
    };

    private static Sheet sheet(List<String> header, List<Map<ImportColumn, Cell>> rows) {
        var sheetRows = new ArrayList<Sheet.Row>();
        int number = 2;
        for (var row : rows) {
            var cells = new LinkedHashMap<Integer, Cell>();
            row.forEach((column, cell) -> cells.put(header.indexOf(column.header()), cell));
            sheetRows.add(new Sheet.Row(number++, cells));
        }
        return new Sheet("nhiem-vu.xlsx", 1, header, sheetRows);
    }

    @SafeVarargs
    private static ImportRows.Checked check(Map<ImportColumn, Cell>... rows) {
        return ImportRows.check(sheet(HEADER, List.of(rows)), REGISTRY, TODAY);
    }

    private static Map<ImportColumn, Cell> row(Object... columnsAndValues) {
        var row = new HashMap<ImportColumn, Cell>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            row.put(
                    (ImportColumn) columnsAndValues[i],
                    switch (value) {
                        case LocalDate d -> new Cell.Dated(d);
                        case Number n -> new Cell.Numeric(n.doubleValue());
                        default -> new Cell.Text(value.toString());
                    });
        }
        return row;
    }

    private static Map<ImportColumn, Cell> minimal(Object... more) {
        var row = row(ImportColumn.TITLE, "Rà soát hộ nghèo", ImportColumn.LEAD_UNIT, "06712");
        row.putAll(row(more));
        return row;
    }

    private static NewTask onlyTask(ImportRows.Checked checked) {
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.tasks()).hasSize(1);
        return checked.tasks().getFirst().task();
    }

    @Test
    void aFullRowMakesTheTaskItSays() {
        var checked = check(row(
                ImportColumn.TITLE, "Rà soát, cập nhật danh sách hộ nghèo",
                ImportColumn.LEAD_UNIT, "06712",
                ImportColumn.COORDINATING_UNITS, "06709; 06736;06712;",
                ImportColumn.RESPONSIBLE, "Nguyễn Văn A",
                ImportColumn.PRIORITY, "Cao",
                ImportColumn.START, LocalDate.of(2026, 12, 1),
                ImportColumn.DEADLINE, "31/03/2027",
                ImportColumn.EXPECTED_RESULT, "Danh sách được cập nhật",
                ImportColumn.SOURCE_DOCUMENT, "1026-kl/tu"));
        assertThat(checked.tasks().getFirst().row()).isEqualTo(2);
        // the lead unit is not also a coordinating unit; the number matches in another spelling
        assertThat(onlyTask(checked))
                .isEqualTo(new NewTask(
                        "Rà soát, cập nhật danh sách hộ nghèo",
                        1,
                        List.of(2L, 3L),
                        "Nguyễn Văn A",
                        Priority.HIGH,
                        "Danh sách được cập nhật",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 3, 31),
                        10L,
                        null,
                        null,
                        null));
    }

    @Test
    void aRowWithOnlyTitleAndLeadStartsTodayWithNoDeadline() {
        var task = onlyTask(check(minimal()));
        assertThat(task.startOn()).isEqualTo(TODAY);
        assertThat(task.deadline()).isNull();
        assertThat(task.priority()).isEqualTo(Priority.NORMAL);
        assertThat(task.coordinatorIds()).isEmpty();
        assertThat(task.documentId()).isNull();
    }

    @Test
    void aCodeTheSpreadsheetTookForANumberGetsItsZerosBack() {
        assertThat(onlyTask(check(minimal(ImportColumn.LEAD_UNIT, 6712, ImportColumn.COORDINATING_UNITS, 6709)))
                        .coordinatorIds())
                .containsExactly(2L);
        var ambiguous = check(minimal(ImportColumn.LEAD_UNIT, 4));
        assertThat(ambiguous.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("fits 2 units", "04 Cao Bằng", "00004 Phường Ba Đình"));
    }

    @Test
    void datesAreReadAsDateCellsOrAsTextInTwoForms() {
        for (Object written : List.of(LocalDate.of(2027, 3, 5), "05/03/2027", "5/3/2027", "2027-03-05")) {
            assertThat(onlyTask(check(minimal(ImportColumn.DEADLINE, written))).deadline())
                    .as("%s", written)
                    .isEqualTo(LocalDate.of(2027, 3, 5));
        }
    }

    @Property
    void anyDayWrittenEitherWayIsReadBack(@ForAll @IntRange(min = 0, max = 40_000) int days) {
        LocalDate day = TODAY.plusDays(days);
        for (String pattern : List.of("dd/MM/uuuu", "d/M/uuuu", "uuuu-MM-dd")) {
            String written = day.format(DateTimeFormatter.ofPattern(pattern));
            assertThat(onlyTask(check(minimal(ImportColumn.DEADLINE, written))).deadline())
                    .isEqualTo(day);
        }
    }

    @Test
    void everyProblemOfEveryRowIsListedAndNothingIsReady() {
        var checked = check(
                minimal(),
                row(ImportColumn.LEAD_UNIT, "99999", ImportColumn.PRIORITY, "gấp"),
                minimal(ImportColumn.START, "31/02/2027", ImportColumn.DEADLINE, 46000),
                minimal(ImportColumn.START, "2027-01-10", ImportColumn.DEADLINE, "09/01/2027"),
                minimal(ImportColumn.DEADLINE, "2026-11-24", ImportColumn.SOURCE_DOCUMENT, "99-KL/TU"),
                minimal(ImportColumn.COORDINATING_UNITS, "06709;ABC", ImportColumn.SOURCE_DOCUMENT, "06-NQ/TU"));
        assertThat(checked.tasks()).isEmpty();
        assertThat(checked.problems())
                .extracting(At::row, At::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "Nhiệm vụ"),
                        org.assertj.core.groups.Tuple.tuple(3, "Mã đơn vị chủ trì"),
                        org.assertj.core.groups.Tuple.tuple(3, "Ưu tiên"),
                        org.assertj.core.groups.Tuple.tuple(4, "Ngày bắt đầu"),
                        org.assertj.core.groups.Tuple.tuple(4, "Hạn"),
                        org.assertj.core.groups.Tuple.tuple(5, "Hạn"),
                        org.assertj.core.groups.Tuple.tuple(6, "Hạn"),
                        org.assertj.core.groups.Tuple.tuple(6, "Số ký hiệu văn bản nguồn"),
                        org.assertj.core.groups.Tuple.tuple(7, "Mã đơn vị phối hợp"),
                        org.assertj.core.groups.Tuple.tuple(7, "Số ký hiệu văn bản nguồn"));
        assertThat(checked.problems())
                .extracting(At::reason)
                .containsExactly(
                        "missing: the task's title",
                        "no unit has the code '99999' in the registry today",
                        "'gấp' is not a priority: write cao, bình thường or thấp (or high, normal, low)",
                        "'31/02/2027' is not a date: write dd/mm/yyyy (such as 31/03/2027) or yyyy-mm-dd",
                        "'46000' is a number, not a date: write the date as dd/mm/yyyy or yyyy-mm-dd, or format the"
                                + " cell as a date",
                        "the deadline 09/01/2027 is before the start 10/01/2027",
                        "the deadline 24/11/2026 is before the start 25/11/2026 (no start given: today)",
                        "no document you may read has the number '99-KL/TU': register it first, or leave the cell"
                                + " empty",
                        "no unit has the code 'ABC' in the registry today",
                        "'06-NQ/TU' is the number of 2 documents you may read (id 20 of 01/03/2021, id 21 of"
                                + " 01/02/2026); the import cannot tell which");
    }

    @Test
    void aRegisteredDocumentIsMeantOverOneKnownByNumberOnlyAndThatOneServesAlone() {
        assertThat(onlyTask(check(minimal(ImportColumn.SOURCE_DOCUMENT, "1026-KL/TU")))
                        .documentId())
                .isEqualTo(10L);
        assertThat(onlyTask(check(minimal(ImportColumn.SOURCE_DOCUMENT, "7/NQ-CP")))
                        .documentId())
                .isEqualTo(30L);
    }

    @Test
    void prioritiesAreReadInEitherLanguageWithOrWithoutMarks() {
        Map<String, Priority> words = Map.of(
                "cao", Priority.HIGH,
                "HIGH", Priority.HIGH,
                "Bình thường", Priority.NORMAL,
                "binh  thuong", Priority.NORMAL,
                "normal", Priority.NORMAL,
                "thấp", Priority.LOW,
                "Thap", Priority.LOW,
                "low", Priority.LOW);
        words.forEach((written, priority) -> assertThat(
                        onlyTask(check(minimal(ImportColumn.PRIORITY, written))).priority())
                .as(written)
                .isEqualTo(priority));
    }

    @Test
    void theHeaderNamesTheTemplatesColumnsOnly() {
        var header = List.of("nhiệm vụ ", "Hạn chót", "Nhiệm vụ", "", "Ưu tiên");
        var checked = ImportRows.check(sheet(header, List.of()), REGISTRY, TODAY);
        assertThat(checked.problems())
                .extracting(At::row, At::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Hạn chót"),
                        org.assertj.core.groups.Tuple.tuple(1, "Nhiệm vụ"),
                        org.assertj.core.groups.Tuple.tuple(1, "Mã đơn vị chủ trì"));
        assertThat(checked.problems().getFirst().reason()).startsWith("not a column of the template");
    }

    @Test
    void aValueUnderNoHeaderIsAProblemNotLost() {
        var header = new ArrayList<>(HEADER);
        header.add("");
        var row = new LinkedHashMap<Integer, Cell>();
        row.put(0, new Cell.Text("Rà soát"));
        row.put(1, new Cell.Text("06712"));
        row.put(header.size() - 1, new Cell.Text("ghi chú"));
        var checked = ImportRows.check(new Sheet("f.xlsx", 1, header, List.of(new Sheet.Row(2, row))), REGISTRY, TODAY);
        assertThat(checked.problems())
                .containsExactly(new At(2, "column J", "a value in a column with no header: 'ghi chú'"));
    }

    @Test
    void columnLettersAreTheSpreadsheets() {
        assertThat(List.of(0, 25, 26, 27, 701, 702).stream().map(Sheet::letters))
                .containsExactly("A", "Z", "AA", "AB", "ZZ", "AAA");
    }

    @Test
    void numbersMatchInAnySpellingAndOnlyTheSameNumber() {
        assertThat(ImportRows.sameNumber("1026 - kl/tu", "1026-KL/TU")).isTrue();
        assertThat(ImportRows.sameNumber("09/2019/NĐ-CP", "9/2019/ND-CP")).isTrue();
        assertThat(ImportRows.sameNumber("1026-KL/TU", "1137-KL/TU")).isFalse();
        assertThat(ImportRows.sameNumber("1026-KL/TU", "1026-KH/TU")).isFalse();
    }
}
