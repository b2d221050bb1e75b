package org.mandate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.province;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mandate.access.ApiTokens;
import org.mandate.indicator.Indicators;
import org.mandate.support.Api;
import org.mandate.support.Browser;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office finds the Government's action programme by its number typed loosely, sees what it
 * implements drawn as a graph and on a timeline, and corrects a relation read from the text.
 */
@MandateIT
class DocumentGraphE2EIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private Page signIn(String user) {
        return browser.signIn(port, user);
    }

    @Test
    void findTheActionProgrammeAndFollowItsGraph() {
        var page = signIn("haiphong");
        page.navigate("http://localhost:" + port + "/documents?q=7+nq+cp");
        page.locator("#documents a", new Page.LocatorOptions().setHasText("7/NQ-CP"))
                .first()
                .click();

        assertThat(page.locator("#symbol")).hasText("7/NQ-CP");
        assertThat(page.locator("#refers-to")).containsText("96-KL/TW");
        // ECharts drew the graph of the documents linked to it
        assertThat(page.locator("#graph canvas")).hasCount(1);
        assertThat(page.locator("#timeline-section li"))
                .containsText(new String[] {"24/01/2019 45-NQ/TW", "16/11/2019 108/NQ-CP"});

        // the city's office reads the national programme but may not correct it
        assertThat(page.locator("#refers-to select")).hasCount(0);
    }

    @Test
    void theProvinceOfficeCorrectsARelationReadFromTheText() {
        var page = signIn("quangninh");
        page.navigate("http://localhost:" + port + "/documents?q=439+kh+tu");
        page.locator("#documents a", new Page.LocatorOptions().setHasText("439-KH/TU"))
                .first()
                .click();
        var row = page.locator("#refers-to tr", new Page.LocatorOptions().setHasText("35-CT/TW"));
        assertThat(row.locator("select[name=relation]")).hasValue("implements");
        assertThat(row).containsText("đọc từ nội dung");
        row.locator("select[name=relation]").selectOption("cites");
        row.locator("button").click();
        var after = page.locator("#refers-to tr", new Page.LocatorOptions().setHasText("35-CT/TW"));
        assertThat(after.locator("select[name=relation]")).hasValue("cites");
        // set by a person now, no longer "read from the text"
        assertThat(after).not().containsText("đọc từ nội dung");
    }

    @Test
    void theNoticeOfASessionShowsTheTasksItConcluded() {
        var page = signIn("quangninh");
        page.navigate("http://localhost:" + port + "/documents?q=1501-TB/TU");
        page.locator("#documents a", new Page.LocatorOptions().setHasText("1501-TB/TU"))
                .first()
                .click();
        // loaded into the page by htmx from the task module
        var counts = page.locator("#doc-task-counts li");
        assertThat(counts.first()).isVisible();
        assertThat(page.locator("#doc-tasks table.tasks tbody tr").first()).isVisible();
        int shown =
                Integer.parseInt(counts.first().locator("strong").innerText().strip());
        counts.first().locator("a").click();
        assertThat(page.locator("table.tasks tbody tr")).hasCount(shown);
    }

    @Test
    void theCongressResolutionShowsTheTargetItSetAndHowTheCityStands() {
        var page = signIn("quangninh");
        page.navigate("http://localhost:" + port + "/documents?q=Móng+Cái+2020-2025");
        page.locator("#documents a", new Page.LocatorOptions().setHasText("NQ-ĐH Móng Cái 2020-2025"))
                .first()
                .click();
        // loaded into the page by htmx from the indicator module
        var row = page.locator("#doc-targets tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).hasAttribute("data-indicator", "bi-thu-kiem-truong-thon");
        assertThat(row).hasAttribute("data-status", "achieved");
        assertThat(row.locator("td").nth(1)).hasText("Thành phố Móng Cái");
        assertThat(row.locator("td").nth(2)).hasText("Cả nhiệm kỳ 2020-2025");
        assertThat(row.locator("td").nth(3)).containsText("100");
        assertThat(row.locator(".status")).hasText("Đã đạt");
        assertThat(page.locator("#doc-indicators-defined")).hasCount(0);
        // the indicator opens on the city and the term
        row.locator("a").click();
        assertThat(page.locator("h1")).containsText("Móng Cái");
        assertThat(page.locator("select[name=term] option[selected]")).hasText("2020-2025");
    }

    @Test
    void aReaderSeesTheIndicatorsADocumentDefinesButOnlyTheTargetsOfTheirOwnUnits() {
        long directive = jdbc.sql("SELECT id FROM document WHERE symbol = '35-CT/TW'")
                .query(Long.class)
                .single();
        String code = "so-chi-bo-e2e-doc";
        var admin = Api.as(port, tokens, "admin");
        assertThat(admin.post()
                        .uri("/api/indicators")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "code", code,
                                "nameVi", "Số chi bộ (kiểm thử văn bản)",
                                "unitOfMeasure", "chi bộ",
                                "direction", "higher",
                                "periodType", "year",
                                "rollup", "sum",
                                "document", directive))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        for (String province : new String[] {"Hải Phòng", "Lạng Sơn"}) {
            long unit = province(jdbc, province, Indicators.today());
            assertThat(admin.post()
                            .uri("/api/indicators/" + code + "/targets")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("unit", unit, "term", "2025-2030", "value", 500, "document", directive))
                            .retrieve()
                            .toBodilessEntity()
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
        }
        var page = signIn("haiphong");
        page.navigate("http://localhost:" + port + "/documents/" + directive);
        assertThat(page.locator("#doc-indicators-defined li"))
                .containsText(new String[] {"Số chi bộ (kiểm thử văn bản)"});
        var rows = page.locator("#doc-targets tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first().locator("td").nth(1)).containsText("Hải Phòng");
        assertThat(rows.first()).hasAttribute("data-status", "no_data");

        var all = signIn("admin");
        all.navigate("http://localhost:" + port + "/documents/" + directive);
        assertThat(all.locator("#doc-targets tbody tr")).hasCount(2);
    }
}
