package org.mandate.document.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.document.DocumentQuery;
import org.mandate.document.DocumentStatus;
import org.mandate.document.Documents;
import org.mandate.document.NewDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The documents of the seed scenario (DOMAIN.md): Hải Phòng's chain 45-NQ/TW, 96-KL/TW, 7/NQ-CP
 * and what 7/NQ-CP cites; Quảng Ninh's conclusions and plan referred to at the Móng Cái working
 * session; Móng Cái's congress resolution for 2020-2025; Lào Cai's 06-NQ/TU. Numbers, dates and issuers are the reported facts; the texts are
 * short abstracts written for the demo, not the originals, phrased the way such documents are so
 * that the relations are read from them as they would be from the real texts.
 */
@Component
class DemoDocuments {
    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

    private final Documents documents;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoDocuments(Documents documents, JdbcClient jdbc, @Value("${mandate.seed.demo:true}") boolean enabled) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    private record Demo(
            String symbol, String body, String date, String title, String signer, String text, String type) {}

    private static final List<Demo> DEMO = List.of(
            new Demo(
                    "45-NQ/TW",
                    "BCT",
                    "2019-01-24",
                    "Nghị quyết về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045",
                    "",
                    "Bộ Chính trị ra nghị quyết về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn"
                            + " đến năm 2045.",
                    ""),
            new Demo(
                    "108/NQ-CP",
                    "CP",
                    "2019-11-16",
                    "Nghị quyết ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 45-NQ/TW",
                    "",
                    "Để triển khai thực hiện Nghị quyết số 45-NQ/TW ngày 24/01/2019 của Bộ Chính trị, Chính phủ ban"
                            + " hành Chương trình hành động.",
                    ""),
            new Demo(
                    "35/2021/QH15",
                    "",
                    "2021-11-13",
                    "Nghị quyết về thí điểm một số cơ chế, chính sách đặc thù phát triển thành phố Hải Phòng",
                    "",
                    "Quốc hội quyết nghị thí điểm một số cơ chế, chính sách đặc thù phát triển thành phố Hải Phòng.",
                    "NQ"),
            new Demo(
                    "30-NQ/TW",
                    "BCT",
                    "2022-11-23",
                    "Nghị quyết về phát triển kinh tế - xã hội và bảo đảm quốc phòng, an ninh vùng đồng bằng sông"
                            + " Hồng đến năm 2030, tầm nhìn đến năm 2045",
                    "",
                    "Bộ Chính trị ra nghị quyết về phát triển vùng đồng bằng sông Hồng đến năm 2030, tầm nhìn đến năm"
                            + " 2045.",
                    ""),
            new Demo(
                    "96-KL/TW",
                    "BCT",
                    "2024-09-30",
                    "Kết luận về tiếp tục thực hiện Nghị quyết số 45-NQ/TW của Bộ Chính trị khóa XII về xây dựng và"
                            + " phát triển thành phố Hải Phòng",
                    "",
                    "Bộ Chính trị kết luận: tiếp tục thực hiện Nghị quyết số 45-NQ/TW ngày 24/01/2019 về xây dựng và"
                            + " phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045.",
                    ""),
            new Demo(
                    "7/NQ-CP",
                    "CP",
                    "2025-01-10",
                    "Nghị quyết ban hành Chương trình hành động của Chính phủ thực hiện Kết luận số 96-KL/TW",
                    "",
                    "Để triển khai thực hiện Kết luận số 96-KL/TW ngày 30/9/2024 của Bộ Chính trị về tiếp tục thực"
                            + " hiện Nghị quyết số 45-NQ/TW ngày 24/01/2019 về xây dựng và phát triển thành phố Hải"
                            + " Phòng;\ncăn cứ Nghị quyết số 30-NQ/TW ngày 23/11/2022 của Bộ Chính trị;\ncăn cứ Nghị"
                            + " quyết số 35/2021/QH15 ngày 13/11/2021 của Quốc hội;\ncăn cứ Nghị quyết số 108/NQ-CP"
                            + " ngày 16/11/2019 của Chính phủ;\nChính phủ ban hành Chương trình hành động với 7 nhóm"
                            + " nhiệm vụ, giải pháp giao cho các bộ, cơ quan ngang bộ, thành phố Hải Phòng và các"
                            + " địa phương.",
                    ""),
            new Demo(
                    "35-CT/TW",
                    "BCT",
                    "2024-06-14",
                    "Chỉ thị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
                    "",
                    "Bộ Chính trị chỉ thị về việc tổ chức đại hội đảng bộ các cấp nhiệm kỳ 2025-2030.",
                    ""),
            new Demo(
                    "1026-KL/TU",
                    "TU-QN",
                    "2023-07-11",
                    "Kết luận của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh",
                    "",
                    "Ban Chấp hành Đảng bộ tỉnh kết luận về phương hướng phát triển thành phố Móng Cái.",
                    ""),
            new Demo(
                    "1137-KL/TU",
                    "BTV-TU-QN",
                    "2024-05-17",
                    "Kết luận của Ban Thường vụ Tỉnh ủy Quảng Ninh",
                    "",
                    "Ban Thường vụ Tỉnh ủy kết luận; tiếp tục thực hiện Kết luận số 1026-KL/TU ngày 11/7/2023 của Ban"
                            + " Chấp hành Đảng bộ tỉnh.",
                    ""),
            new Demo(
                    "439-KH/TU",
                    "TU-QN",
                    "2024-07-23",
                    "Kế hoạch thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị",
                    "",
                    "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng"
                            + " kế hoạch tổ chức đại hội đảng bộ các cấp nhiệm kỳ 2025-2030.",
                    ""),
            // the congress resolution that set Móng Cái's 2020-2025 targets (DemoIndicators cites it for
            // the one target the press reported kept); its number and date were not reported, so its
            // symbol says what it is and is kept as given, with the warning that says so
            new Demo(
                    "NQ-ĐH Móng Cái 2020-2025",
                    "ThU-MC",
                    "",
                    "Nghị quyết Đại hội đại biểu Đảng bộ thành phố Móng Cái nhiệm kỳ 2020-2025",
                    "",
                    "Đại hội đại biểu Đảng bộ thành phố Móng Cái quyết nghị mục tiêu và các chỉ tiêu chủ yếu"
                            + " nhiệm kỳ 2020-2025, trong đó 100% bí thư chi bộ đồng thời là trưởng thôn,"
                            + " khu phố.",
                    "NQ"),
            new Demo(
                    "06-NQ/TU",
                    "BTV-TU-LC",
                    "2016-10-20",
                    "Nghị quyết của Ban Thường vụ Tỉnh ủy Lào Cai",
                    "",
                    "Ban Thường vụ Tỉnh ủy Lào Cai ra nghị quyết.",
                    ""));

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void load() {
        if (!enabled || alreadyLoaded()) {
            return;
        }
        try (var job = Scopes.asSystem("demo")) {
            for (Demo d : DEMO) {
                documents.register(new NewDocument(
                        d.symbol(),
                        d.type().isEmpty() ? null : d.type(),
                        d.body().isEmpty() ? null : bodyId(d.body()),
                        null,
                        d.date().isEmpty() ? null : LocalDate.parse(d.date()),
                        d.title(),
                        d.signer().isEmpty() ? null : d.signer(),
                        d.text(),
                        DocumentStatus.IN_FORCE));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the demo documents: " + e.getMessage(), e);
        }
        log.info("Loaded {} demo documents of the seed scenario", DEMO.size());
    }

    private boolean alreadyLoaded() {
        try (var job = Scopes.asSystem("demo")) {
            return documents
                            .find(new DocumentQuery("7/NQ-CP", null, false, 0, 1))
                            .total()
                    > 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private @Nullable Long bodyId(String code) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.code = :code AND u.hierarchy = 'body'
                         ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1
                        """).param("code", code).query(Long.class).optional().orElse(null);
    }
}
