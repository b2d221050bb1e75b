package org.mandate.task.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mandate.shared.RowProblems.At;

/**
 * The columns of the import template, by their header as the sheet shows it, with what the
 * instructions sheet says of each and the value of its example row.
 */
public enum ImportColumn {
    TITLE("Nhiệm vụ", true, "Tên nhiệm vụ.", "Rà soát, cập nhật danh sách hộ nghèo năm 2027"),
    LEAD_UNIT(
            "Mã đơn vị chủ trì",
            true,
            "Mã của đơn vị chủ trì trong danh mục hiện hành: mã xã, phường (như 06712) hoặc mã cơ quan (như"
                    + " TU-QN).",
            "06712"),
    COORDINATING_UNITS(
            "Mã đơn vị phối hợp", false, "Mã các đơn vị phối hợp, cách nhau bằng dấu chấm phẩy (;).", "06709;06736"),
    RESPONSIBLE("Người phụ trách", false, "Họ tên người phụ trách.", "Nguyễn Văn A"),
    PRIORITY("Ưu tiên", false, "cao, bình thường hoặc thấp (hoặc high, normal, low); để trống là bình thường.", "cao"),
    START("Ngày bắt đầu", false, "Ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd; để trống là hôm nay.", "01/12/2026"),
    DEADLINE(
            "Hạn",
            false,
            "Ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd, không trước ngày bắt đầu; để trống là nhiệm vụ thường xuyên"
                    + " (không có hạn).",
            "31/03/2027"),
    EXPECTED_RESULT("Kết quả dự kiến", false, "Sản phẩm, kết quả cần đạt.", "Danh sách hộ nghèo được cập nhật"),
    SOURCE_DOCUMENT(
            "Số ký hiệu văn bản nguồn",
            false,
            "Số, ký hiệu của văn bản giao nhiệm vụ (như 1026-KL/TU); văn bản phải có trong hệ thống và bạn được xem.",
            "1026-KL/TU");

    private final String header;
    private final boolean required;
    private final String guide;
    private final String example;

    ImportColumn(String header, boolean required, String guide, String example) {
        this.header = header;
        this.required = required;
        this.guide = guide;
        this.example = example;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public String guide() {
        return guide;
    }

    public String example() {
        return example;
    }

    public boolean isDate() {
        return this == START || this == DEADLINE;
    }

    /** The column a header names, whatever its case and surrounding spaces. */
    public static Optional<ImportColumn> of(String header) {
        String h = SheetWords.normalize(header).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (ImportColumn c : values()) {
            if (c.header.toLowerCase(Locale.ROOT).equals(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The template's column of each header cell; unknown, repeated and missing columns are problems. */
    static Map<Integer, ImportColumn> inHeader(Sheet sheet, List<At> problems) {
        var columns = new TreeMap<Integer, ImportColumn>();
        String known =
                Arrays.stream(ImportColumn.values()).map(ImportColumn::header).collect(Collectors.joining(", "));
        for (int i = 0; i < sheet.header().size(); i++) {
            String header = sheet.header().get(i);
            if (header.isBlank()) {
                continue;
            }
            var column = of(header);
            if (column.isEmpty()) {
                problems.add(
                        new At(sheet.headerRow(), header, "not a column of the template; its columns are: " + known));
            } else if (columns.containsValue(column.get())) {
                problems.add(new At(sheet.headerRow(), header, "the column appears twice"));
            } else {
                columns.put(i, column.get());
            }
        }
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && !columns.containsValue(c)) {
                problems.add(new At(
                        sheet.headerRow(), c.header(), "the column is missing from the header row; it is required"));
            }
        }
        return columns;
    }
}
