package org.mandate.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Period;
import org.mandate.indicator.PeriodType;
import org.mandate.shared.InputProblem;
import org.mandate.shared.RowProblems;

/** Files of values as they arrive: the CSV reader, the checks of a row, SDMX's forms. */
class ValueFilesTest {
    record Rec(int row, List<String> cells) {}

    private static List<Rec> csv(byte[] bytes) {
        var records = new ArrayList<Rec>();
        CsvStream.read(
                "a.csv",
                new ByteArrayInputStream(bytes),
                (row, cells) -> records.add(new Rec(row, List.copyOf(cells))));
        return records;
    }

    private static List<Rec> csv(String text) {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void csvWithAByteOrderMarkCrlfAndSemicolonsAsExcelInVietnameseWritesIt() {
        var records = csv("\uFEFFMã đơn vị;Kỳ;Giá trị\r\n06712;2024;74,8\r\n\r\n\"26734\";\"2024\";\"1.234,5\"\r\n");
        assertThat(records)
                .extracting(Rec::row, Rec::cells)
                .containsExactly(
                        tuple(1, List.of("Mã đơn vị", "Kỳ", "Giá trị")),
                        tuple(2, List.of("06712", "2024", "74,8")),
                        tuple(4, List.of("26734", "2024", "1.234,5")));
    }

    @Test
    void csvWithCommasQuotesAndLineBreaksInsideFields() {
        var records = csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
        assertThat(records.get(1).cells()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(records.get(2).row()).isEqualTo(4);
        assertThat(records.get(2).cells()).containsExactly("last", "", "");
        // a comma inside quotes on the header does not make it a comma file when semicolons separate
        assertThat(csv("\"a,b\";c\n1;2\n").get(1).cells()).containsExactly("1", "2");
        assertThat(csv("a\tb\n1\t2").get(1).cells()).containsExactly("1", "2");
    }

    @Test
    void textThatIsNotUtf8OrAnUnclosedQuoteIsNamed() {
        byte[] latin1 = "Mã,Kỳ\n1,2\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> csv(latin1)).isInstanceOf(InputProblem.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> csv("a,b\n\"open,1\n"))
                .isInstanceOf(InputProblem.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("not closed");
    }

    @Test
    void aHeaderWithUnknownTwiceOrMissingColumnsListsThemAll() {
        assertThatThrownBy(() -> ValueRows.header("a.csv", 1, List.of("Mã đơn vị", "Kỳ", "Kỳ", "Màu", "Giá trị")))
                .isInstanceOfSatisfying(
                        RowProblems.class,
                        p -> assertThat(p.problems())
                                .extracting(RowProblems.At::column)
                                .containsExactly("Kỳ", "Màu", "Mã chỉ tiêu"));
        // names without tone marks, in English, in any case
        var rows = ValueRows.header("a.csv", 1, List.of("ma don vi", "PERIOD", "Indicator", "gia tri"));
        assertThat(rows.sdmx()).isFalse();
        // SDMX-CSV: unknown attributes are ignored
        var sdmx = ValueRows.header(
                "s.csv",
                1,
                List.of(
                        "DATAFLOW",
                        "FREQ",
                        "REF_AREA: Reference area",
                        "INDICATOR",
                        "TIME_PERIOD",
                        "OBS_VALUE",
                        "DECIMALS"));
        assertThat(sdmx.sdmx()).isTrue();
    }

    @Test
    void everyProblemOfARowIsAtItsColumnAndGoodRowsGoOn() {
        var rows = ValueRows.header("a.csv", 1, List.of("Mã đơn vị", "Kỳ", "Mã chỉ tiêu", "Giá trị", "Đơn vị tính"));
        var staged = new ArrayList<ValueRows.Staged>();
        rows.row(2, List.of("06712", "2024", "ho-ngheo", "1.234,5", "hộ"), staged::add);
        rows.row(3, List.of("", "2024-13", "", "12,3,4", ""), staged::add);
        rows.row(4, List.of("06712", "2024", "ho-ngheo", "", ""), staged::add);
        rows.row(5, List.of("06712", "2024-M03", "ho-ngheo", "5", ""), staged::add);
        assertThat(staged)
                .extracting(ValueRows.Staged::row, ValueRows.Staged::period, ValueRows.Staged::value)
                .containsExactly(tuple(2, "2024", "1234.5"), tuple(5, "2024-03", "5"));
        assertThat(rows.problems())
                .extracting(RowProblems.At::row, RowProblems.At::column)
                .containsExactlyInAnyOrder(
                        tuple(3, "Mã đơn vị"), tuple(3, "Mã chỉ tiêu"), tuple(3, "Kỳ"), tuple(3, "Giá trị"));
        assertThat(rows.withoutFigure()).isEqualTo(1);
        assertThat(rows.rows()).isEqualTo(3);
    }

    @Test
    void anSdmxRowOfAnotherDataflowOrFrequencyIsAProblem() {
        var rows = ValueRows.header(
                "s.csv",
                1,
                List.of(
                        "STRUCTURE",
                        "STRUCTURE_ID",
                        "ACTION",
                        "FREQ",
                        "REF_AREA",
                        "INDICATOR",
                        "TIME_PERIOD",
                        "OBS_VALUE"));
        var staged = new ArrayList<ValueRows.Staged>();
        rows.row(2, List.of("dataflow", "MANDATE:DF_INDICATORS(1.0)", "I", "A", "22", "x", "2024", "1"), staged::add);
        rows.row(3, List.of("dataflow", "ESTAT:NAMA_10_GDP(1.0)", "I", "Q", "22", "x", "2024", "1"), staged::add);
        rows.row(
                4, List.of("dataflow", "MANDATE:DF_INDICATORS(2.1)", "D", "M", "22", "x", "2024-03", "1"), staged::add);
        assertThat(staged).extracting(ValueRows.Staged::row).containsExactly(2);
        assertThat(rows.problems())
                .extracting(RowProblems.At::row, RowProblems.At::column)
                .containsExactly(tuple(3, "STRUCTURE_ID"), tuple(3, "FREQ"), tuple(4, "ACTION"));
    }

    @Test
    void periodsOurWaySdmxsWayAndAsASpreadsheetDatesThem() {
        assertThat(SdmxCsv.period("2024")).isEqualTo(new Period(PeriodType.YEAR, 2024, 0));
        assertThat(SdmxCsv.period("2024-A1")).isEqualTo(new Period(PeriodType.YEAR, 2024, 0));
        assertThat(SdmxCsv.period("2024-q3")).isEqualTo(new Period(PeriodType.QUARTER, 2024, 3));
        assertThat(SdmxCsv.period("2024-M03")).isEqualTo(new Period(PeriodType.MONTH, 2024, 3));
        assertThat(SdmxCsv.period("2024-03")).isEqualTo(new Period(PeriodType.MONTH, 2024, 3));
        assertThat(SdmxCsv.period("2024-03-01")).isEqualTo(new Period(PeriodType.MONTH, 2024, 3));
        for (String bad : new String[] {"2024-13", "2024-Q5", "24", "2024-03-15", "1800"}) {
            assertThatThrownBy(() -> SdmxCsv.period(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SdmxCsv.isOurs("MANDATE:DF_INDICATORS(1.0)")).isTrue();
        assertThat(SdmxCsv.isOurs("mandate:df_indicators")).isTrue();
        assertThat(SdmxCsv.isOurs("ESTAT:DF_INDICATORS(1.0)")).isFalse();
    }
}
