package org.mandate.task.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.InputProblem;

/**
 * Reads the first worksheet of an .xlsx file (or the one named as the template's data sheet): the
 * first row that holds anything is the header, the rows below it that hold anything are data.
 * Formulas are read as their last computed value, numbers formatted as dates as dates.
 */
public final class SheetReader {
    private SheetReader() {}

    /**
     * @param maxRows the most data rows taken; a file with more is refused whole
     * @throws InputProblem naming the file when it is not an .xlsx workbook, or too long
     */
    public static Sheet read(String file, byte[] content, String preferredSheet, int maxRows) {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            throw new InputProblem(
                    file, 0, null, "this is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)");
        }
        if (magic != FileMagic.OOXML) {
            throw notXlsx(file, "it is not a zip archive of an Office document");
        }
        try (var workbook = open(file, content)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw notXlsx(file, "it has no worksheet");
            }
            var sheet = workbook.getSheet(preferredSheet) != null
                    ? workbook.getSheet(preferredSheet)
                    : workbook.getSheetAt(0);
            List<String> header = null;
            int headerRow = 0;
            var rows = new ArrayList<Sheet.Row>();
            for (Row row : sheet) {
                var cells = cells(row);
                if (cells.isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = header(cells);
                    headerRow = row.getRowNum() + 1;
                } else if (rows.size() == maxRows) {
                    throw new InputProblem(
                            file,
                            row.getRowNum() + 1,
                            null,
                            "the sheet has more than " + maxRows + " rows of tasks; split it into files of at most "
                                    + maxRows);
                } else {
                    rows.add(new Sheet.Row(row.getRowNum() + 1, cells));
                }
            }
            if (header == null) {
                throw new InputProblem(file, 0, null, "the sheet '" + sheet.getSheetName() + "' is empty");
            }
            return new Sheet(file, headerRow, header, rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static XSSFWorkbook open(String file, byte[] content) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI says what it could not read in its own exceptions, of several kinds
            throw notXlsx(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static InputProblem notXlsx(String file, String why) {
        return new InputProblem(file, 0, null, "not an Excel workbook (.xlsx) that can be read: " + why);
    }

    private static Map<Integer, Sheet.Cell> cells(Row row) {
        var cells = new LinkedHashMap<Integer, Sheet.Cell>();
        for (Cell cell : row) {
            var value = value(cell, cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : null);
            if (value != null) {
                cells.put(cell.getColumnIndex(), value);
            }
        }
        return cells;
    }

    private static Sheet.@Nullable Cell value(Cell cell, @Nullable CellType formulaResult) {
        CellType type = formulaResult != null ? formulaResult : cell.getCellType();
        return switch (type) {
            case STRING -> {
                String text = SheetWords.normalize(cell.getStringCellValue());
                yield text.isEmpty() ? null : new Sheet.Cell.Text(text);
            }
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? new Sheet.Cell.Dated(cell.getLocalDateTimeCellValue().toLocalDate())
                        : new Sheet.Cell.Numeric(cell.getNumericCellValue());
            case BOOLEAN -> new Sheet.Cell.Text(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> {
                byte code = cell.getErrorCellValue();
                yield new Sheet.Cell.Text(
                        FormulaError.isValidCode(code)
                                ? FormulaError.forInt(code).getString()
                                : "#ERROR");
            }
            default -> null;
        };
    }

    private static List<String> header(Map<Integer, Sheet.Cell> cells) {
        int width = cells.keySet().stream().mapToInt(i -> i).max().orElse(-1) + 1;
        var header = new ArrayList<String>(width);
        for (int i = 0; i < width; i++) {
            Sheet.Cell cell = cells.get(i);
            header.add(cell == null ? "" : cell.text());
        }
        return header;
    }
}
