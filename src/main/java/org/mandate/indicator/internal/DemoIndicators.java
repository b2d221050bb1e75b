package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.indicator.Achievements;
import org.mandate.indicator.IndicatorCatalogue;
import org.mandate.indicator.Indicators;
import org.mandate.indicator.NewIndicator;
import org.mandate.indicator.NewValue;
import org.mandate.indicator.PeriodType;
import org.mandate.indicator.Rollup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicators of the seed scenario (DOMAIN.md) with only the reported figures as values,
 * entered, submitted and approved as the demo job.
 *
 * <p>Where they are attached, and why:
 *
 * <ul>
 *   <li>Móng Cái: to the city (the district-level unit, GSO 194, which ended on 30 June 2025), for
 *       2023: the figures were reported at the working session of 9 October 2024, and 2023 is the
 *       last whole year before it. As it is now they are read under the wards that succeeded the
 *       city; the sum (poor households, tourists) is apportioned among them as an estimate, the
 *       rates are not carried (rule none).
 *   <li>The 3.962 million tourists of 2020-2023 are a four-year total with no yearly breakdown; they
 *       are the value for 2023 of an indicator that counts tourists since the start of 2020, rather
 *       than a made-up split by year. "1.6 times the 2015-2020 level" gives no figure of its own and
 *       is left out.
 *   <li>"100% of village secretaries also village heads (target kept)": the value, and the target
 *       of 100% for the 2020-2025 term that it says was kept, citing the city congress's resolution
 *       for that term (registered by DemoDocuments without a number: none was reported).
 *   <li>Lạng Sơn: to the province (the same unit before and after the reform), for 2023: the press
 *       summary covers 2022-2023 without saying which year each figure is for, so they go to the
 *       later year; the GRDP growth is stated as the 2021-2022 average, so it is the 2022 value of
 *       an indicator of average growth since the start of the term. The hygienic water share of
 *       2020 (95%) is the reported "+3 points since 2020" read back, and says so in its note.
 *   <li>Lào Cai: to the city (the district-level unit, GSO 080, which ended on 30 June 2025), for
 *       2020: the state budget revenue "over 2,680 billion VND (+39%)" reported at the working
 *       session of 25 February 2021; 2,680 as the figure, the rest in its note (2019's figure is
 *       not read back from "+39%", since "over" makes it inexact).
 * </ul>
 */
@Component
class DemoIndicators {
    private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);

    /** The resolution of Móng Cái's city congress that set its 2020-2025 targets (DemoDocuments). */
    static final String CONGRESS_MONG_CAI_2020 = "NQ-ĐH Móng Cái 2020-2025";

    private final IndicatorCatalogue catalogue;
    private final Indicators indicators;
    private final Achievements achievements;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoIndicators(
            IndicatorCatalogue catalogue,
            Indicators indicators,
            Achievements achievements,
            JdbcClient jdbc,
            @Value("${mandate.seed.demo:true}") boolean enabled) {
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.achievements = achievements;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(30)
    public void load() {
        if (!enabled || jdbc.sql("SELECT count(*) FROM term").query(Long.class).single() > 0) {
            return;
        }
        try (var job = Scopes.asSystem("demo")) {
            for (String term : List.of("2015-2020", "2020-2025", "2025-2030")) {
                catalogue.createTerm(term);
            }
            catalogue();
            growthTrends();
            mongCai();
            langSon();
            laoCai();
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the demo indicators: " + e.getMessage(), e);
        }
        log.info("Loaded the demo indicators and their reported values");
    }

    private void catalogue() {
        add("dan-so", "Dân số trung bình", "Average population", "người", "higher", Rollup.SUM, null);
        add(
                "ho-ngheo",
                "Số hộ nghèo (chuẩn 2021-2025)",
                "Poor households (2021-2025 standard)",
                "hộ",
                "lower",
                Rollup.SUM,
                null);
        add(
                "thu-nhap-binh-quan",
                "Thu nhập bình quân đầu người",
                "Income per person",
                "triệu đồng/người/năm",
                "higher",
                Rollup.WEIGHTED_AVERAGE,
                "dan-so");
        add(
                "thu-nhap-xa-ntm",
                "Thu nhập bình quân đầu người tại các xã nông thôn mới",
                "Income per person in the new-rural communes",
                "triệu đồng/người/năm",
                "higher",
                Rollup.NONE,
                null);
        add("lao-dong-qua-dao-tao", "Tỷ lệ lao động qua đào tạo", "Trained labour", "%", "higher", Rollup.NONE, null);
        add(
                "khach-du-lich-tu-2020",
                "Lượt khách du lịch cộng dồn từ năm 2020",
                "Tourists since 2020",
                "lượt khách",
                "higher",
                Rollup.SUM,
                null);
        add(
                "bi-thu-kiem-truong-thon",
                "Tỷ lệ bí thư chi bộ đồng thời là trưởng thôn, khu phố",
                "Village Party secretaries who are also village heads",
                "%",
                "higher",
                Rollup.NONE,
                null);
        add(
                "xep-hang-pci",
                "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
                "PCI rank",
                "hạng/63",
                "lower",
                Rollup.NONE,
                null);
        add(
                "xep-hang-dti",
                "Xếp hạng Chỉ số chuyển đổi số (DTI)",
                "Digital transformation rank",
                "hạng/63",
                "lower",
                Rollup.NONE,
                null);
        add(
                "xep-hang-pgi",
                "Xếp hạng Chỉ số xanh cấp tỉnh (PGI)",
                "Provincial Green Index rank",
                "hạng/63",
                "lower",
                Rollup.NONE,
                null);
        add(
                "tang-truong-grdp-binh-quan",
                "Tốc độ tăng trưởng GRDP bình quân từ đầu nhiệm kỳ",
                "Average GRDP growth since the start of the term",
                "%/năm",
                "higher",
                Rollup.NONE,
                null);
        add(
                "thu-ngan-sach",
                "Thu ngân sách nhà nước trên địa bàn",
                "State budget revenue collected in the area",
                "tỷ đồng",
                "higher",
                Rollup.SUM,
                null);
        add("so-xa-ntm", "Số xã đạt chuẩn nông thôn mới", "New-rural communes", "xã", "higher", Rollup.SUM, null);
        add(
                "so-xa-ntm-nang-cao",
                "Số xã đạt chuẩn nông thôn mới nâng cao",
                "Advanced new-rural communes",
                "xã",
                "higher",
                Rollup.SUM,
                null);
        add(
                "so-xa-ntm-kieu-mau",
                "Số xã đạt chuẩn nông thôn mới kiểu mẫu",
                "Model new-rural communes",
                "xã",
                "higher",
                Rollup.SUM,
                null);
        add(
                "nuoc-hop-ve-sinh-nong-thon",
                "Tỷ lệ dân cư nông thôn dùng nước hợp vệ sinh",
                "Rural residents with hygienic water",
                "%",
                "higher",
                Rollup.NONE,
                null);
    }

    /** Incomes and tourists grow by a rate rather than by an amount: their trend is compound. */
    private void growthTrends() {
        for (String code : List.of("thu-nhap-binh-quan", "thu-nhap-xa-ntm", "khach-du-lich-tu-2020")) {
            achievements.setTrend(code, "compound");
        }
    }

    private void mongCai() {
        long city = unit("district", "Móng Cái");
        approve("ho-ngheo", city, "2023", "0", "0 hộ nghèo theo chuẩn 2021-2025");
        approve("thu-nhap-xa-ntm", city, "2023", "74.8", "9 xã nông thôn mới; gấp 1,6 lần giai đoạn 2015-2020");
        approve("lao-dong-qua-dao-tao", city, "2023", "87.2", null);
        approve("khach-du-lich-tu-2020", city, "2023", "3962000", "3,962 triệu lượt khách giai đoạn 2020-2023");
        approve("bi-thu-kiem-truong-thon", city, "2023", "100", "giữ vững chỉ tiêu");
        catalogue.setTarget(
                "bi-thu-kiem-truong-thon",
                city,
                "2020-2025",
                null,
                new BigDecimal("100"),
                document(CONGRESS_MONG_CAI_2020));
    }

    private void langSon() {
        long province = unit("province", "Lạng Sơn");
        approve("xep-hang-pci", province, "2023", "15", "hạng 15/63");
        approve("xep-hang-dti", province, "2023", "6", null);
        approve("xep-hang-pgi", province, "2023", "2", null);
        approve("tang-truong-grdp-binh-quan", province, "2022", "6.95", "bình quân giai đoạn 2021-2022");
        approve("thu-nhap-binh-quan", province, "2023", "49.26", null);
        approve("so-xa-ntm", province, "2023", "96", null);
        approve("so-xa-ntm-nang-cao", province, "2023", "22", null);
        approve("so-xa-ntm-kieu-mau", province, "2023", "4", null);
        approve("nuoc-hop-ve-sinh-nong-thon", province, "2023", "98", "tăng 3 điểm % so với năm 2020");
        approve("nuoc-hop-ve-sinh-nong-thon", province, "2020", "95", "suy ra từ \"tăng 3 điểm % so với năm 2020\"");
    }

    private void laoCai() {
        long city = unit("district", "Lào Cai");
        approve("thu-ngan-sach", city, "2020", "2680", "trên 2.680 tỷ đồng, tăng 39% so với năm 2019");
    }

    private void add(
            String code,
            String nameVi,
            String nameEn,
            String unitOfMeasure,
            String direction,
            Rollup rollup,
            @Nullable String weight) {
        catalogue.create(new NewIndicator(
                code, nameVi, nameEn, unitOfMeasure, direction, PeriodType.YEAR, rollup, weight, null));
    }

    private void approve(String code, long unit, String period, String value, @Nullable String note) {
        var ids = new ArrayList<>(
                indicators.enter(code, List.of(new NewValue(unit, period, new BigDecimal(value), note))));
        indicators.submit(code, ids.getFirst());
        indicators.approve(code, ids.getFirst());
    }

    /** A demo document by its symbol (DemoDocuments registers them first); null when there is none. */
    private @Nullable Long document(String symbol) {
        return jdbc.sql("SELECT id FROM document WHERE symbol = :symbol AND registered")
                .param("symbol", symbol)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long unit(String level, String name) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.level = :level AND v.name = :name AND u.hierarchy = 'locality'
                         ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1
                        """)
                .param("level", level)
                .param("name", name)
                .query(Long.class)
                .single();
    }
}
