package org.mandate.task.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The import template: the sheet "Nhiệm vụ" with the header row only, its code columns formatted
 * as text (so that 06712 keeps its zero) and its date columns as dates; and the sheet "Hướng
 * dẫn" saying how to fill each column, with an example row, kept out of the data sheet so that it
 * is never imported by mistake.
 */
public final class ImportTemplate {
    public static final String DATA_SHEET = "Nhiệm vụ";
    public static final String GUIDE_SHEET = "Hướng dẫn";
    // the rows the priority list is offered on; a cell below them is still read
    private static final int ROWS_WITH_LIST = 2000;

    private ImportTemplate() {}

    public static byte[] write() {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var styles = new Styles(workbook);
            data(workbook.createSheet(DATA_SHEET), styles);
            guide(workbook.createSheet(GUIDE_SHEET), styles);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle header, CellStyle text, CellStyle date, CellStyle wrapped) {
        Styles(XSSFWorkbook workbook) {
            this(
                    workbook.createCellStyle(),
                    workbook.createCellStyle(),
                    workbook.createCellStyle(),
                    workbook.createCellStyle());
            var bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            var formats = workbook.createDataFormat();
            text.setDataFormat(formats.getFormat("@"));
            date.setDataFormat(formats.getFormat("dd/mm/yyyy"));
            wrapped.setWrapText(true);
        }
    }

    private static void data(XSSFSheet sheet, Styles styles) {
        Row header = sheet.createRow(0);
        ImportColumn[] columns = ImportColumn.values();
        for (int i = 0; i < columns.length; i++) {
            var cell = header.createCell(i);
            cell.setCellValue(columns[i].header());
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(i, (columns[i] == ImportColumn.TITLE ? 50 : 20) * 256);
            sheet.setDefaultColumnStyle(i, columns[i].isDate() ? styles.date() : styles.text());
        }
        sheet.createFreezePane(0, 1);
        int priority = ImportColumn.PRIORITY.ordinal();
        var helper = sheet.getDataValidationHelper();
        var list = helper.createValidation(
                helper.createExplicitListConstraint(new String[] {"cao", "bình thường", "thấp"}),
                new CellRangeAddressList(1, ROWS_WITH_LIST, priority, priority));
        // a list to choose from, not a lock: high, normal, low are read too
        list.setShowErrorBox(false);
        sheet.addValidationData(list);
    }

    private static void guide(XSSFSheet sheet, Styles styles) {
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 12 * 256);
        sheet.setColumnWidth(2, 90 * 256);
        int r = 0;
        cell(sheet.createRow(r++), 0, "Nhập nhiệm vụ từ bảng tính", styles.header());
        for (String line : new String[] {
            "Điền mỗi nhiệm vụ một dòng ở trang «" + DATA_SHEET + "», dưới dòng tiêu đề; giữ nguyên tên các cột.",
            "Dòng trống được bỏ qua. Mã đơn vị là mã trong danh mục đơn vị hành chính và cơ quan hiện hành.",
            "Mọi dòng được kiểm tra trước: nếu có dòng sai, không nhiệm vụ nào được nhập và mọi lỗi được liệt kê"
                    + " (dòng, cột, lý do).",
            "Nhiệm vụ chỉ giao được cho đơn vị thuộc phạm vi của bạn."
        }) {
            cell(sheet.createRow(r++), 0, line, null);
        }
        r++;
        Row titles = sheet.createRow(r++);
        cell(titles, 0, "Cột", styles.header());
        cell(titles, 1, "Bắt buộc", styles.header());
        cell(titles, 2, "Cách ghi", styles.header());
        for (ImportColumn column : ImportColumn.values()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, column.header(), null);
            cell(row, 1, column.required() ? "có" : "", null);
            cell(row, 2, column.guide(), styles.wrapped());
        }
        r++;
        cell(sheet.createRow(r++), 0, "Ví dụ một dòng (điền ở trang «" + DATA_SHEET + "»):", styles.header());
        Row headers = sheet.createRow(r++);
        Row example = sheet.createRow(r);
        ImportColumn[] columns = ImportColumn.values();
        for (int i = 0; i < columns.length; i++) {
            cell(headers, i, columns[i].header(), styles.header());
            if (columns[i].isDate()) {
                var cell = example.createCell(i);
                cell.setCellValue(LocalDate.parse(columns[i].example(), DateTimeFormatter.ofPattern("dd/MM/uuuu")));
                cell.setCellStyle(styles.date());
            } else {
                cell(example, i, columns[i].example(), styles.text());
            }
        }
    }

    private static void cell(Row row, int column, String value, @Nullable CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
