package org.mandate.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CSV of values to import, as a province office's file would hold them but a million rows long:
 * the real codes of the communes and wards standing today (those whose code has not changed since
 * the reform of 1 July 2025), monthly indicators, and the months from July 2025, unit by unit. The
 * header is the template's (Vietnamese), the figures have one decimal.
 */
final class IndicatorDataset {
    static final String HEADER = "Mã đơn vị,Kỳ,Mã chỉ tiêu,Giá trị,Đơn vị tính";
    static final YearMonth FIRST_MONTH = YearMonth.of(2025, 7);
    static final int MONTHS = 12;

    /** What was written: rows, the sum of the figures in tenths, the codes of units and indicators used. */
    record Written(long rows, long sumTenths, int units, int indicators, List<String> periods) {}

    private IndicatorDataset() {}

    /** The communes and wards standing today whose version (and code) already stood on 1 July 2025. */
    static List<String> communeCodes(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT code FROM org_unit_version
                         WHERE level = 'commune' AND valid @> CURRENT_DATE AND valid @> DATE '2025-07-01'
                         ORDER BY code
                        """).query(String.class).list();
    }

    static int indicatorsNeeded(long rows, int units) {
        return (int) Math.ceil(rows / (double) units / MONTHS);
    }

    static Written write(
            Path file, long rows, List<String> units, List<String> indicators, String unitOfMeasure, long seed)
            throws IOException {
        var random = new Random(seed);
        var periods = new ArrayList<String>();
        for (int m = 0; m < MONTHS; m++) {
            periods.add(FIRST_MONTH.plusMonths(m).toString());
        }
        long written = 0;
        long sum = 0;
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            outer:
            for (String period : periods) {
                for (String indicator : indicators) {
                    for (String unit : units) {
                        if (written == rows) {
                            break outer;
                        }
                        int tenths = random.nextInt(1_000_000);
                        sum += tenths;
                        out.write(unit);
                        out.write(',');
                        out.write(period);
                        out.write(',');
                        out.write(indicator);
                        out.write(',');
                        out.write(Integer.toString(tenths / 10));
                        out.write('.');
                        out.write((char) ('0' + tenths % 10));
                        out.write(',');
                        out.write(unitOfMeasure);
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        return new Written(written, sum, units.size(), indicators.size(), periods);
    }
}
