package org.mandate.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mandate.shared.InputProblem;
import org.mandate.task.Priority;
import org.mandate.task.internal.Sheet.Cell;

/** Workbooks as POI writes them, read back; the template, filled in with its own example. */
class SheetReaderTest {

    private static byte[] bytes(Workbook workbook) throws IOException {
        try (workbook;
                var out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void cellsAreReadAsTextNumbersAndDatesAndBlankRowsAreSkipped() throws IOException {
        var workbook = new XSSFWorkbook();
        var sheet = workbook.createSheet("Trang 1");
        var dates = workbook.createCellStyle();
        dates.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        sheet.createRow(2).createCell(1).setCellValue("Nhiệm vụ");
        sheet.getRow(2).createCell(2).setCellValue("  Hạn ");
        var row = sheet.createRow(3);
        // decomposed Vietnamese, as some keyboards type it
        row.createCell(1).setCellValue(Normalizer.normalize("Rà soát hộ nghèo", Normalizer.Form.NFD));
        row.createCell(2).setCellValue(LocalDate.of(2027, 3, 31));
        row.getCell(2).setCellStyle(dates);
        sheet.createRow(4).createCell(1).setCellValue("   ");
        var formulas = sheet.createRow(6);
        formulas.createCell(1).setCellFormula("6700+12");
        formulas.createCell(2).setCellValue(6712);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

        var read = SheetReader.read("a.xlsx", bytes(workbook), "Nhiệm vụ", 10);
        assertThat(read.headerRow()).isEqualTo(3);
        assertThat(read.header()).containsExactly("", "Nhiệm vụ", "Hạn");
        assertThat(read.rows()).extracting(Sheet.Row::number).containsExactly(4, 7);
        assertThat(read.rows().get(0).cells())
                .containsEntry(1, new Cell.Text("Rà soát hộ nghèo"))
                .containsEntry(2, new Cell.Dated(LocalDate.of(2027, 3, 31)));
        assertThat(read.rows().get(1).cells())
                .containsEntry(1, new Cell.Numeric(6712))
                .containsEntry(2, new Cell.Numeric(6712));
    }

    @Test
    void moreRowsThanTheLimitAreRefusedWhole() throws IOException {
        var workbook = new XSSFWorkbook();
        var sheet = workbook.createSheet();
        for (int i = 0; i < 4; i++) {
            sheet.createRow(i).createCell(0).setCellValue("x" + i);
        }
        assertThatThrownBy(() -> SheetReader.read("big.xlsx", bytes(workbook), "Nhiệm vụ", 2))
                .isInstanceOf(InputProblem.class)
                .hasMessage("big.xlsx, line 4: the sheet has more than 2 rows of tasks; split it into files of at"
                        + " most 2");
    }

    @Test
    void aFileThatIsNotAWorkbookIsNamed() throws IOException {
        assertThatThrownBy(() ->
                        SheetReader.read("ds.csv", "Nhiệm vụ,Hạn\n".getBytes(StandardCharsets.UTF_8), "Nhiệm vụ", 10))
                .isInstanceOf(InputProblem.class)
                .hasMessageStartingWith("ds.csv: not an Excel workbook (.xlsx)");
        var old = new HSSFWorkbook();
        old.createSheet().createRow(0).createCell(0).setCellValue("Nhiệm vụ");
        assertThatThrownBy(() -> SheetReader.read("cu.xls", bytes(old), "Nhiệm vụ", 10))
                .hasMessage("cu.xls: this is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)");
        // a zip that is no Office document
        var zip = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write(1);
        }
        assertThatThrownBy(() -> SheetReader.read("a.zip", zip.toByteArray(), "Nhiệm vụ", 10))
                .hasMessageStartingWith("a.zip: not an Excel workbook (.xlsx)");
    }

    @Test
    void theTemplateHasTheColumnsAndItsExampleRowImportsAsIs() throws IOException {
        byte[] template = ImportTemplate.write();
        var empty = SheetReader.read("mau.xlsx", template, ImportTemplate.DATA_SHEET, 10);
        assertThat(empty.header())
                .containsExactlyElementsOf(List.of(ImportColumn.values()).stream()
                        .map(ImportColumn::header)
                        .toList());
        assertThat(empty.rows()).isEmpty();

        // copy the example from the instructions into the data sheet, as a user would
        var workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        assertThat(workbook.getSheetName(1)).isEqualTo("Hướng dẫn");
        var guide = workbook.getSheet(ImportTemplate.GUIDE_SHEET);
        var example = guide.getRow(guide.getLastRowNum());
        var row = workbook.getSheet(ImportTemplate.DATA_SHEET).createRow(1);
        for (var cell : example) {
            var copy = row.createCell(cell.getColumnIndex());
            copy.setCellStyle(cell.getCellStyle());
            switch (cell.getCellType()) {
                case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                default -> copy.setCellValue(cell.getStringCellValue());
            }
        }
        var filled = SheetReader.read("mau.xlsx", bytes(workbook), ImportTemplate.DATA_SHEET, 10);
        var checked = ImportRows.check(filled, ImportRowsTest.REGISTRY, LocalDate.of(2026, 11, 25));
        assertThat(checked.problems()).isEmpty();
        var task = checked.tasks().getFirst().task();
        assertThat(task.leadUnitId()).isEqualTo(1);
        assertThat(task.coordinatorIds()).containsExactly(2L, 3L);
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.startOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(task.documentId()).isEqualTo(10L);
    }
}
