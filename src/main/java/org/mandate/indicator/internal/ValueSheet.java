package org.mandate.indicator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Values as an .xlsx workbook, written as rows come (POI's streaming workbook keeps a window of
 * rows in memory): a bold header, codes as text (so 06712 keeps its zero), figures as numbers.
 * Used for exports and for the import template, whose columns are the import's.
 */
public final class ValueSheet implements AutoCloseable {
    /** A column: its header, its width in characters, and whether its cells are text (codes). */
    public record Column(String header, int width, boolean text) {}

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    private final SXSSFSheet sheet;
    private final CellStyle text;
    private final CellStyle bold;
    private final int width;
    private int next = 1;

    public ValueSheet(String name, List<Column> columns) {
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(name);
        var formats = workbook.createDataFormat();
        text = workbook.createCellStyle();
        text.setDataFormat(formats.getFormat("@"));
        var font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        width = columns.size();
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            var cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
            if (columns.get(i).text()) {
                sheet.setDefaultColumnStyle(i, text);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** A row of cells: text, a figure (BigDecimal), or null for a blank. */
    public void add(List<@Nullable Object> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v instanceof BigDecimal d) {
                row.createCell(i).setCellValue(d.doubleValue());
            } else if (v != null) {
                var cell = row.createCell(i);
                cell.setCellValue(v.toString());
                cell.setCellStyle(text);
            }
        }
    }

    /** A second sheet of lines of text: the notes of a read, or how to fill in a template. */
    public void lines(String name, List<String> lines) {
        var s = workbook.createSheet(name);
        s.setColumnWidth(0, 120 * 256);
        for (int i = 0; i < lines.size(); i++) {
            var cell = s.createRow(i).createCell(0);
            cell.setCellValue(lines.get(i));
            if (i == 0) {
                cell.setCellStyle(bold);
            }
        }
    }

    public void write(OutputStream out) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, width - 1));
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
