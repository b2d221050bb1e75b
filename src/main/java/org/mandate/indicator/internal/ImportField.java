package org.mandate.indicator.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The columns a file of values may have, by the names they go by: the template's Vietnamese
 * headers, short English names, and SDMX-CSV's concepts. Headers are matched without regard to
 * case, tone marks or spacing. Some columns are only read back from our own exports and ignored
 * (names, state, estimate, the SDMX observation status).
 */
public enum ImportField {
    UNIT_CODE(true, "Mã đơn vị", "unit_code", "unit", "REF_AREA"),
    UNIT_NAME(false, "Đơn vị", "unit_name"),
    PERIOD(true, "Kỳ", "period", "TIME_PERIOD"),
    INDICATOR(true, "Mã chỉ tiêu", "indicator", "INDICATOR"),
    INDICATOR_NAME(false, "Chỉ tiêu", "indicator_name"),
    VALUE(true, "Giá trị", "value", "OBS_VALUE"),
    UNIT_OF_MEASURE(false, "Đơn vị tính", "unit_of_measure", "UNIT_MEASURE"),
    NOTE(false, "Ghi chú", "note", "COMMENT", "OBS_COMMENT"),
    STATE(false, "Trạng thái", "state"),
    ESTIMATE(false, "Ước tính", "estimate"),
    // SDMX-CSV: 1.0 names the dataflow in DATAFLOW; 2.0 in STRUCTURE (= dataflow) and STRUCTURE_ID
    DATAFLOW(false, "DATAFLOW"),
    STRUCTURE(false, "STRUCTURE"),
    STRUCTURE_ID(false, "STRUCTURE_ID"),
    ACTION(false, "ACTION"),
    FREQ(false, "FREQ"),
    OBS_STATUS(false, "OBS_STATUS");

    private final boolean required;
    private final List<String> names;

    ImportField(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    public boolean required() {
        return required;
    }

    /** The name the template gives the column. */
    public String header() {
        return names.getFirst();
    }

    /**
     * The field a header names. SDMX-CSV 2.0 may label its columns ({@code REF_AREA: Reference
     * area}); the id before the colon counts.
     */
    public static Optional<ImportField> of(String header) {
        String h = header.strip();
        int colon = h.indexOf(':');
        if (colon > 0 && h.substring(0, colon).matches("[A-Z][A-Z0-9_]*")) {
            h = h.substring(0, colon);
        }
        String folded = fold(h);
        for (ImportField f : values()) {
            for (String name : f.names) {
                if (fold(name).equals(folded)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** Lower case without marks, đ as d, runs of spaces and underscores as one space. */
    static String fold(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .replaceAll("[\\s_]+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
