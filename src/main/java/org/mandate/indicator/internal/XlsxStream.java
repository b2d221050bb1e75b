package org.mandate.indicator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.InputProblem;
import org.xml.sax.InputSource;

/**
 * Reads one worksheet of an .xlsx file as it streams (SAX), so a sheet of a hundred thousand rows
 * costs no more memory than one row: the sheet named {@code preferredSheet}, else the first. The
 * task import's reader builds the whole workbook, which suits its 5,000 rows, not this.
 *
 * <p>Cells come as text: strings as written (in one Unicode form), numbers as their plain decimal
 * value whatever their display format (so 1234.5 shown as "1.234,5" reads 1234.5), dates as
 * {@code yyyy-mm-dd}, formulas as their last computed value.
 */
public final class XlsxStream {
    private XlsxStream() {}

    /** @throws InputProblem naming the file when it is not an .xlsx workbook */
    public static void read(String file, byte[] content, String preferredSheet, RecordHandler handler) {
        try (var pkg = open(file, content)) {
            var reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg, false);
            var styles = reader.getStylesTable();
            var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            byte[] chosen = null;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (chosen == null || sheets.getSheetName().equals(preferredSheet)) {
                        chosen = sheet.readAllBytes();
                        if (sheets.getSheetName().equals(preferredSheet)) {
                            break;
                        }
                    }
                }
            }
            if (chosen == null) {
                throw notXlsx(file, "it has no worksheet");
            }
            var rows = new Rows(handler);
            var xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new PlainValues(), false));
            xml.parse(new InputSource(new ByteArrayInputStream(chosen)));
        } catch (InputProblem e) {
            throw e;
        } catch (IOException
                | RuntimeException
                | org.xml.sax.SAXException
                | javax.xml.parsers.ParserConfigurationException e) {
            if (e instanceof RuntimeException r && r.getCause() instanceof InputProblem p) {
                throw p;
            }
            throw notXlsx(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw notXlsx(file, e.getMessage());
        }
    }

    /** Whether the bytes begin an Office document (an .xlsx, or an old .xls to be refused by name) rather than text. */
    public static boolean isWorkbook(byte[] content) {
        var magic = magic(content);
        return magic == FileMagic.OOXML || magic == FileMagic.OLE2;
    }

    private static FileMagic magic(byte[] content) {
        try {
            return FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            return FileMagic.UNKNOWN;
        }
    }

    private static OPCPackage open(String file, byte[] content) {
        if (magic(content) == FileMagic.OLE2) {
            throw new InputProblem(
                    file, 0, null, "this is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)");
        }
        try {
            return OPCPackage.open(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw notXlsx(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static InputProblem notXlsx(String file, @Nullable String why) {
        return new InputProblem(file, 0, null, "not an Excel workbook (.xlsx) that can be read: " + why);
    }

    /** Collects a row's cells by column and hands the row on when it ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RecordHandler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean any;

        Rows(RecordHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            any = false;
        }

        @Override
        public void endRow(int rowNum) {
            if (any) {
                handler.record(rowNum + 1, cells);
            }
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            if (reference == null || value == null) {
                return;
            }
            int column = new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add("");
            }
            String text = Normalizer.normalize(value, Normalizer.Form.NFC)
                    .replace('\u00A0', ' ')
                    .strip();
            cells.set(column, text);
            any |= !text.isEmpty();
        }
    }

    /** Numbers as their plain value, dates as yyyy-mm-dd, whatever format the cell displays them in. */
    private static final class PlainValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            BigDecimal plain = BigDecimal.valueOf(value).stripTrailingZeros();
            return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
        }
    }
}
