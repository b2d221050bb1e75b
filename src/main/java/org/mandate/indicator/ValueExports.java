package org.mandate.indicator;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.indicator.internal.CsvOut;
import org.mandate.indicator.internal.ExchangeStore;
import org.mandate.indicator.internal.ImportField;
import org.mandate.indicator.internal.SdmxCsv;
import org.mandate.indicator.internal.ValueSheet;
import org.mandate.indicator.internal.ValueSheet.Column;
import org.mandate.shared.InputProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values out to files: any read of {@link Indicators#values} (as it was or as it is now) as .xlsx,
 * CSV or SDMX-CSV; the stored values of a subtree as SDMX-CSV, for statistical offices; and the
 * template to fill in for a unit and period. The columns of the .xlsx and CSV files are the
 * import's, so an export read back in is understood (names, state and estimate are ignored).
 */
@Service
public class ValueExports {
    /** The file formats of an export. */
    public enum Format {
        XLSX,
        CSV,
        /** SDMX-CSV 1.0: the dataflow in a DATAFLOW column. */
        SDMX_1,
        /** SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID and ACTION columns. */
        SDMX_2
    }

    /** The columns a view and the template share, in their order. */
    private static final List<Column> VALUE_COLUMNS = List.of(
            new Column(ImportField.UNIT_CODE.header(), 12, true),
            new Column(ImportField.UNIT_NAME.header(), 40, false),
            new Column(ImportField.PERIOD.header(), 10, true),
            new Column(ImportField.INDICATOR.header(), 22, true),
            new Column(ImportField.INDICATOR_NAME.header(), 50, false),
            new Column(ImportField.VALUE.header(), 14, false),
            new Column(ImportField.UNIT_OF_MEASURE.header(), 22, false));

    private static final List<Column> VIEW_COLUMNS = java.util.stream.Stream.concat(
                    VALUE_COLUMNS.stream(),
                    java.util.stream.Stream.of(
                            new Column(ImportField.STATE.header(), 12, false),
                            new Column(ImportField.ESTIMATE.header(), 10, false)))
            .toList();

    private static final List<Column> TEMPLATE_COLUMNS = java.util.stream.Stream.concat(
                    VALUE_COLUMNS.stream(),
                    java.util.stream.Stream.of(new Column(ImportField.NOTE.header(), 30, false)))
            .toList();

    private final Indicators indicators;
    private final IndicatorCatalogue catalogue;
    private final ExchangeStore store;
    private final Scopes scopes;

    ValueExports(Indicators indicators, IndicatorCatalogue catalogue, ExchangeStore store, Scopes scopes) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.store = store;
        this.scopes = scopes;
    }

    /** The figures of a read (the query of GET /api/indicators/{code}/values) to the stream. */
    @Transactional(readOnly = true)
    public void view(
            String code,
            @Nullable Long unit,
            boolean subtree,
            @Nullable String from,
            @Nullable String to,
            View view,
            Format format,
            OutputStream out) {
        Indicator indicator = catalogue.get(code);
        ValueSeries series = indicators.values(code, unit, subtree, from, to, view);
        LocalDate today = Indicators.today();
        var units = new ArrayList<Long>();
        var days = new ArrayList<LocalDate>();
        for (ValueItem item : series.items()) {
            units.add(item.unit());
            days.add(view == View.AS_WAS ? Period.parse(item.period()).lastDay() : today);
        }
        var labels = store.labels(units, days);
        switch (format) {
            case XLSX -> {
                try (var sheet = new ValueSheet("Số liệu", VIEW_COLUMNS)) {
                    for (int i = 0; i < series.items().size(); i++) {
                        ValueItem item = series.items().get(i);
                        sheet.add(viewRow(
                                indicator,
                                item,
                                labels.get(ExchangeStore.key(units.get(i), days.get(i))),
                                item.value()));
                    }
                    if (!series.notes().isEmpty()) {
                        var lines = new ArrayList<String>();
                        lines.add("Ghi chú của số liệu (notes)");
                        lines.addAll(series.notes());
                        sheet.lines("Ghi chú", lines);
                    }
                    sheet.write(out);
                }
            }
            case CSV -> {
                try (var csv = new CsvOut(out, true)) {
                    csv.row(VIEW_COLUMNS.stream().map(Column::header).toList());
                    for (int i = 0; i < series.items().size(); i++) {
                        ValueItem item = series.items().get(i);
                        csv.row(viewRow(
                                        indicator,
                                        item,
                                        labels.get(ExchangeStore.key(units.get(i), days.get(i))),
                                        plain(item.value()))
                                .stream()
                                .map(cell -> cell == null ? null : cell.toString())
                                .toList());
                    }
                }
            }
            case SDMX_1, SDMX_2 -> {
                try (var csv = new CsvOut(out, false)) {
                    csv.row(sdmxHeader(format));
                    for (int i = 0; i < series.items().size(); i++) {
                        ValueItem item = series.items().get(i);
                        var label = labels.get(ExchangeStore.key(units.get(i), days.get(i)));
                        csv.row(sdmxRow(
                                format,
                                indicator.periodType(),
                                label == null ? null : label.code(),
                                indicator.code(),
                                item.period(),
                                item.value(),
                                indicator.unitOfMeasure(),
                                SdmxCsv.obsStatus(item.state(), item.estimate())));
                    }
                }
            }
        }
    }

    /**
     * The stored current values (as reported, not rolled up) of the indicators (empty: all) for
     * periods from..to, of the unit or of every unit under it as it stood in each period, as
     * SDMX-CSV. Each unit is named by the code it held in the period, which an import reads back.
     */
    @Transactional(readOnly = true)
    public void stored(
            @Nullable Long unit,
            boolean subtree,
            @Nullable String from,
            @Nullable String to,
            List<String> codes,
            Format format,
            OutputStream out) {
        if (format != Format.SDMX_1 && format != Format.SDMX_2) {
            throw new IllegalArgumentException("stored values are exported as SDMX-CSV");
        }
        if (unit == null) {
            if (!scopes.current().readsEverything()) {
                throw InputProblem.field("unit", "say which unit: only a whole-country grant reads every unit");
            }
        } else {
            scopes.requireRead(unit, "Unit " + unit);
        }
        var types = new HashMap<String, PeriodType>();
        for (String code : codes) {
            types.put(code, catalogue.get(code).periodType());
        }
        LocalDate first =
                from == null ? LocalDate.of(1900, 1, 1) : period("from", from).firstDay();
        LocalDate last =
                to == null ? LocalDate.of(2200, 12, 31) : period("to", to).lastDay();
        try (var csv = new CsvOut(out, false)) {
            csv.row(sdmxHeader(format));
            store.stored(
                    codes.isEmpty() ? null : codes,
                    first,
                    last,
                    unit,
                    subtree,
                    v -> csv.row(sdmxRow(
                            format,
                            Period.parse(v.period()).type(),
                            v.unitCode(),
                            v.indicator(),
                            v.period(),
                            v.value(),
                            v.unitOfMeasure(),
                            SdmxCsv.obsStatus(v.state(), false))));
        }
    }

    /**
     * The .xlsx template for a unit (and, with the subtree, every unit under it) and a period: a
     * row for each indicator of the period's type, its current value filled in where there is
     * one, and a sheet saying how to fill it in.
     */
    @Transactional(readOnly = true)
    public byte[] template(long unit, String periodText, boolean subtree) {
        scopes.requireRead(unit, "Unit " + unit);
        Period period = period("period", periodText);
        var root = store.inPeriod(unit, period.firstDay(), period.lastDay())
                .orElseThrow(() -> InputProblem.field("unit", "unit " + unit + " did not exist in " + period));
        var units = subtree ? store.subtree(unit, period.lastDay()) : List.<ExchangeStore.Label>of();
        if (units.isEmpty()) {
            units = List.of(root);
        }
        var wanted = catalogue.all().stream()
                .filter(i -> i.periodType() == period.type())
                .toList();
        Map<String, BigDecimal> current = new HashMap<>();
        for (var v :
                store.current(units.stream().map(ExchangeStore.Label::unitId).toList(), period.toString())) {
            current.put(v.unitId() + "/" + v.indicator(), v.value());
        }
        try (var sheet = new ValueSheet(ValueImport.DATA_SHEET, TEMPLATE_COLUMNS);
                var out = new ByteArrayOutputStream()) {
            for (var u : units) {
                for (Indicator i : wanted) {
                    sheet.add(Arrays.asList(
                            u.code(),
                            u.name(),
                            period.toString(),
                            i.code(),
                            i.nameVi(),
                            current.get(u.unitId() + "/" + i.code()),
                            i.unitOfMeasure(),
                            null));
                }
            }
            sheet.lines("Hướng dẫn", guide(period));
            sheet.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> guide(Period period) {
        return List.of(
                "Nhập số liệu chỉ tiêu từ bảng tính",
                "Điền cột «Giá trị» ở trang «" + ValueImport.DATA_SHEET + "»; dòng để trống được bỏ qua. Giữ nguyên tên"
                        + " các cột.",
                "Mã đơn vị là mã của đơn vị trong kỳ " + period + " (mã thống kê của xã, phường, tỉnh; mã cơ quan).",
                "Kỳ viết 2024 (năm), 2024-Q1 (quý) hoặc 2024-03 (tháng), đúng loại kỳ của chỉ tiêu.",
                "Giá trị viết 1234,5 hoặc 1234.5; có thể tách hàng nghìn 1.234.567.",
                "Đơn vị tính, nếu ghi, phải đúng đơn vị tính của chỉ tiêu trong danh mục.",
                "Mọi dòng được kiểm tra trước: nếu có dòng sai, không số liệu nào được nhập và mọi lỗi được liệt kê"
                        + " (dòng, cột, lý do).",
                "Số liệu đã có được thay bằng số mới (số cũ vẫn được lưu); số liệu mới ở trạng thái nháp, chờ gửi"
                        + " duyệt.");
    }

    private static List<String> sdmxHeader(Format format) {
        var header = new ArrayList<String>();
        if (format == Format.SDMX_1) {
            header.add("DATAFLOW");
        } else {
            header.addAll(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        }
        header.addAll(
                List.of("FREQ", "REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS"));
        return header;
    }

    private static List<@Nullable String> sdmxRow(
            Format format,
            PeriodType type,
            @Nullable String unitCode,
            String indicator,
            String period,
            @Nullable BigDecimal value,
            String unitOfMeasure,
            String status) {
        var row = new ArrayList<@Nullable String>(10);
        if (format == Format.SDMX_1) {
            row.add(SdmxCsv.STRUCTURE_ID);
        } else {
            row.addAll(List.of("dataflow", SdmxCsv.STRUCTURE_ID, "I"));
        }
        row.addAll(Arrays.asList(SdmxCsv.freq(type), unitCode, indicator, period, plain(value), unitOfMeasure, status));
        return row;
    }

    private static String state(String code) {
        return switch (code) {
            case "approved" -> "Đã duyệt";
            case "submitted" -> "Đã gửi";
            default -> "Nháp";
        };
    }

    private static @Nullable String plain(@Nullable BigDecimal v) {
        return v == null ? null : Achievement.plain(v).toPlainString();
    }

    /** A row of a view's export (VIEW_COLUMNS), the figure as the format writes it. */
    private static List<@Nullable Object> viewRow(
            Indicator indicator, ValueItem item, ExchangeStore.@Nullable Label label, @Nullable Object value) {
        return Arrays.asList(
                label == null ? null : label.code(),
                label == null ? null : label.name(),
                item.period(),
                indicator.code(),
                indicator.nameVi(),
                value,
                indicator.unitOfMeasure(),
                state(item.state()),
                item.estimate() ? "có" : null);
    }

    /** A period written in any of its forms (2024, 2024-Q3, 2024-07, SDMX's); 400 naming the field. */
    static Period period(String field, String text) {
        try {
            return SdmxCsv.period(text);
        } catch (IllegalArgumentException e) {
            throw InputProblem.field(field, e.getMessage());
        }
    }
}
