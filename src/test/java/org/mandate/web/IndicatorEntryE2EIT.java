package org.mandate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.standing;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.access.ApiTokens;
import org.mandate.support.Api;
import org.mandate.support.Browser;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ward's reporter types a figure on the data-entry page, saves it as a draft and submits it;
 * the province's leader approves it on the same page; the reporter corrects it, and the approved
 * figure stays on record; then the reporter uploads a file on the page, first with a bad row.
 */
@MandateIT
class IndicatorEntryE2EIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @TempDir
    Path dir;

    @Test
    void aFigureIsEnteredSubmittedApprovedCorrectedAndImportedFromAFile() throws Exception {
        long ward = standing(jdbc, "commune", "Móng Cái 1", null);
        // an indicator of its own, so that no other test reads the figure
        String code = "e2e-lao-dong-" + Long.toString(System.nanoTime(), 36);
        var created = Api.as(port, tokens, "admin")
                .post()
                .uri("/api/indicators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "code", code,
                        "nameVi", "Tỷ lệ lao động qua đào tạo (kiểm thử)",
                        "unitOfMeasure", "%",
                        "direction", "higher",
                        "periodType", "year",
                        "rollup", "none"))
                .retrieve()
                .toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String path = "/indicators/entry?unit=" + ward + "&period=2026";
        String row = "tr[data-code='" + code + "']";

        var reporter = browser.signIn(port, "mongcai1", path);
        assertThat(reporter.locator("h1")).containsText("Móng Cái 1");
        assertThat(reporter.locator(row)).containsText("%");
        reporter.locator(row + " input.value").fill("87,2");
        reporter.locator("button[value=save]").click();
        assertThat(reporter.locator("#done")).containsText("Đã lưu 1 số liệu");
        assertThat(reporter.locator(row + " td.state")).containsText("Nháp");
        assertThat(reporter.locator(row + " input.value")).hasValue("87.2");
        assertThat(reporter.locator("button[value=approve]")).hasCount(0);
        reporter.locator("button[value=submit]").click();
        assertThat(reporter.locator(row + " td.state")).containsText("Đã gửi");

        var leader = browser.signIn(port, "lanhdaoqn", path);
        assertThat(leader.locator(row + " td.state")).containsText("Đã gửi");
        assertThat(leader.locator("button[value=save]")).hasCount(0);
        leader.locator("button[value=approve]").click();
        assertThat(leader.locator("#done")).containsText("Đã duyệt 1 số liệu");
        assertThat(leader.locator(row + " td.state")).containsText("Đã duyệt");

        reporter.navigate("http://localhost:" + port + path);
        assertThat(reporter.locator(row + " td.state")).containsText("Đã duyệt");
        reporter.locator(row + " input.value").fill("88");
        reporter.locator("button[value=save]").click();
        assertThat(reporter.locator(row + " td.state")).containsText("Nháp");
        assertThat(reporter.locator(row + " td.state")).containsText("1 số liệu trước");

        // a file from the page: a bad row is shown at its row and column, and nothing is imported
        String wardCode = jdbc.sql("SELECT code FROM org_unit_version WHERE unit_id = :u AND valid @> CURRENT_DATE")
                .param("u", ward)
                .query(String.class)
                .single();
        Path bad = dir.resolve("so-lieu-sai.csv");
        Files.writeString(bad, "Mã đơn vị,Kỳ,Mã chỉ tiêu,Giá trị\n" + wardCode + ",2026-Q1," + code + ",90\n");
        reporter.locator("#import input[type=file]").setInputFiles(bad);
        reporter.locator("#import button").click();
        assertThat(reporter.locator("#problems tbody tr")).hasCount(1);
        assertThat(reporter.locator("#problems tbody tr")).containsText("Kỳ");
        assertThat(reporter.locator("#problems")).containsText("nothing was imported");
        assertThat(reporter.locator(row + " input.value")).hasValue("88");
        Path good = dir.resolve("so-lieu.csv");
        Files.writeString(good, "Mã đơn vị,Kỳ,Mã chỉ tiêu,Giá trị\n" + wardCode + ",2026," + code + ",\"90,5\"\n");
        reporter.locator("#import input[type=file]").setInputFiles(good);
        reporter.locator("#import button").click();
        assertThat(reporter.locator("#imported")).containsText("so-lieu.csv");
        assertThat(reporter.locator(row + " input.value")).hasValue("90.5");
        assertThat(reporter.locator(row + " td.state")).containsText("2 số liệu trước");

        var history = jdbc.sql("""
                        SELECT iv.value, iv.state, iv.superseded_by IS NOT NULL AS superseded, iv.approved_by
                          FROM indicator_value iv JOIN indicator i ON i.id = iv.indicator_id
                         WHERE i.code = :code AND iv.unit_id = :ward AND iv.period = '2026'
                         ORDER BY iv.id
                        """)
                .param("ward", ward)
                .param("code", code)
                .query((rs, n) -> List.of(
                        rs.getBigDecimal("value").stripTrailingZeros().toPlainString(),
                        rs.getString("state"),
                        rs.getBoolean("superseded"),
                        String.valueOf(rs.getString("approved_by"))))
                .list();
        assertThat(history)
                .containsExactly(
                        List.of(new BigDecimal("87.2").toPlainString(), "approved", true, "lanhdaoqn"),
                        List.of("88", "draft", true, "null"),
                        List.of("90.5", "draft", false, "null"));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE action IN ('submit_value', 'approve_value',"
                                        + " 'correct_value') AND actor IN ('mongcai1', 'lanhdaoqn') AND at > now() - interval '1 hour'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }
}
