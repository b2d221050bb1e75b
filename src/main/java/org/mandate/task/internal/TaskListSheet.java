package org.mandate.task.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.mandate.task.Priority;
import org.mandate.task.TaskRow;

/**
 * A task list as an .xlsx workbook, written as rows come (POI's streaming workbook keeps a window
 * of rows in memory and the rest in a temporary file): Vietnamese headers, dates as dates shown
 * dd/mm/yyyy, progress as a number, statuses in words.
 */
public final class TaskListSheet implements AutoCloseable {
    public static final String SHEET = "Nhiệm vụ";

    private record Column(String header, int width) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("Mã", 8),
            new Column("Nhiệm vụ", 60),
            new Column("Đơn vị chủ trì", 28),
            new Column("Người phụ trách", 22),
            new Column("Ưu tiên", 12),
            new Column("Ngày bắt đầu", 14),
            new Column("Hạn", 12),
            new Column("Ngày hoàn thành", 16),
            new Column("Tiến độ (%)", 12),
            new Column("Trạng thái", 20),
            new Column("Văn bản", 16));

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final CellStyle dates;
    private int next = 1;

    public TaskListSheet() {
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(SHEET);
        dates = workbook.createCellStyle();
        dates.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        var bold = workbook.createFont();
        bold.setBold(true);
        var headers = workbook.createCellStyle();
        headers.setFont(bold);
        Row row = sheet.createRow(0);
        for (int i = 0; i < COLUMNS.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(COLUMNS.get(i).header());
            cell.setCellStyle(headers);
            sheet.setColumnWidth(i, COLUMNS.get(i).width() * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    public void add(TaskRow task) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(task.id());
        row.createCell(1).setCellValue(task.title());
        row.createCell(2).setCellValue(task.leadUnitName());
        text(row, 3, task.responsible());
        row.createCell(4).setCellValue(SheetWords.priority(Priority.of(task.priority())));
        date(row, 5, task.startOn());
        date(row, 6, task.deadline());
        date(row, 7, task.completedOn());
        row.createCell(8).setCellValue(task.progress());
        row.createCell(9).setCellValue(SheetWords.status(task.status()));
        text(row, 10, task.documentSymbol());
    }

    /** The finished workbook, with a filter on the header row. */
    public byte[] bytes() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, COLUMNS.size() - 1));
        try (var out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, @Nullable String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private void date(Row row, int column, @Nullable LocalDate value) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(dates);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
