package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * The legal basis recorded for changes derived from the bundled administrative-unit data. The
 * 1 July 2025 reform rests on known acts; for later differences between snapshots the act is
 * not in the data, and the text says so rather than inventing one.
 */
final class AdminUnitLegalBasis implements BiFunction<LocalDate, String, String> {
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Override
    public String apply(LocalDate date, String level) {
        if (date.equals(REFORM)) {
            return switch (level) {
                case "province" -> "202/2025/QH15";
                case "district" -> "Luật Tổ chức chính quyền địa phương 72/2025/QH15 (kết thúc cấp huyện)";
                default -> "1654-1687/NQ-UBTVQH15 (sắp xếp đơn vị hành chính cấp xã năm 2025)";
            };
        }
        return "Danh mục ĐVHC ngày " + date + " (văn bản pháp lý chưa được ghi nhận)";
    }
}
