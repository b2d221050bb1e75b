package org.mandate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.children;
import static org.mandate.support.Units.named;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.List;
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
 * The indicator pages in Chromium: the seed scenario's figures drawn against their targets, the
 * units under a province side by side, and their achievement coloured by status.
 */
@MandateIT
class IndicatorChartsE2EIT {
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

    /** What the chart in the element holds, read from its ECharts instance. */
    @SuppressWarnings("unchecked")
    private static List<Object> seriesData(Page page, String element, int series) {
        return (List<Object>) page.evaluate(
                "([id, i]) => echarts.getInstanceByDom(document.getElementById(id)).getOption().series[i].data",
                List.of(element, series));
    }

    @Test
    void langSonsHygienicWaterIsDrawnYearByYearForTheTerm() {
        var page = signIn("admin");
        page.navigate("http://localhost:" + port + "/indicators");
        var link = page.locator("#catalogue a", new Page.LocatorOptions().setHasText("nước hợp vệ sinh"));
        assertThat(link).hasCount(1);
        long langSon = named(jdbc, "province", "Lạng Sơn");
        page.navigate("http://localhost:" + port + "/indicators/nuoc-hop-ve-sinh-nong-thon?unit=" + langSon);
        assertThat(page.locator("h1")).containsText("Lạng Sơn");
        // no term asked for: the latest one with figures, 2020-2025, whose years are the axis
        assertThat(page.locator("select[name=term] option[selected]")).hasText("2020-2025");
        assertThat(page.locator("#series canvas")).hasCount(1);
        var values = seriesData(page, "series", 0);
        assertThat(values).hasSize(6);
        assertThat(new BigDecimal(values.get(0).toString())).isEqualByComparingTo("95");
        assertThat(values.subList(1, 3)).containsOnlyNulls();
        assertThat(new BigDecimal(values.get(3).toString())).isEqualByComparingTo("98");
        var rows = page.locator("#series-table tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0).locator("td").nth(0)).hasText("2020");
        assertThat(rows.nth(0).locator("td").nth(1)).containsText("95");
        assertThat(rows.nth(1).locator("td").nth(1)).containsText("98");
        assertThat(rows.nth(1).locator("td").nth(3)).hasText("Đã duyệt");
        // beside the term before: 95 at the end of 2015-2020, 98 in 2023, three points better
        var terms = page.locator("#comparison-table tbody tr");
        assertThat(terms).hasCount(2);
        assertThat(terms.nth(0).locator("th")).hasText("2015-2020");
        assertThat(terms.nth(0).locator("td").first()).containsText("95 (2020)");
        assertThat(terms.nth(1).locator("th")).hasText("2020-2025");
        assertThat(terms.nth(1).locator("td").first()).containsText("98 (2023)");
        assertThat(terms.nth(1).locator("td").nth(1)).hasText("Chưa có chỉ tiêu cho nhiệm kỳ này.");
        var change = page.locator("#comparison-change");
        assertThat(change).hasAttribute("data-direction", "better");
        assertThat(change.locator("strong")).hasText("+3");
        assertThat(change).containsText("tốt hơn");
        // a period opens the units side by side in it
        rows.nth(0).locator("a").click();
        assertThat(page.locator("input[name=period]")).hasValue("2020");
        assertThat(page.locator("#side h2")).containsText("2020");
        // the province's figure only: its districts of 2020 are listed as having none, with no empty chart
        assertThat(page.locator("#side")).containsText("Chưa có số liệu");
        assertThat(page.locator("#units")).hasCount(0);
        assertThat(page.locator("#units-blank li")).hasCount(11);
    }

    @Test
    void mongCaiKeptItsTargetAndTheCityIsGoneAsItIsNow() {
        var page = signIn("quangninh");
        long city = named(jdbc, "district", "Móng Cái");
        page.navigate("http://localhost:" + port + "/indicators/bi-thu-kiem-truong-thon?unit=" + city);
        assertThat(page.locator("#targets tbody tr")).hasCount(1);
        assertThat(page.locator("#targets tbody tr")).hasAttribute("data-status", "achieved");
        assertThat(page.locator("#targets .status")).hasText("Đã đạt");
        var target = seriesData(page, "series", 1);
        assertThat(target)
                .hasSize(6)
                .allSatisfy(t -> assertThat(new BigDecimal(t.toString())).isEqualByComparingTo("100"));
        assertThat(new BigDecimal(seriesData(page, "series", 0).get(3).toString()))
                .isEqualByComparingTo("100");
        assertThat(page.locator("#series-table tbody tr")).hasCount(1);
        // no figure in 2015-2020 to compare with; the kept target shows in its term's row
        var terms = page.locator("#comparison-table tbody tr");
        assertThat(terms.nth(0).locator("td").first()).hasText("Chưa có số liệu");
        assertThat(terms.nth(1).locator("li")).hasAttribute("data-status", "achieved");
        assertThat(page.locator("#comparison-change")).hasCount(0);

        page.locator("#views a[data-view=as_now]").click();
        assertThat(page.locator("#ended")).isVisible();
        assertThat(page.locator("#ended li", new Page.LocatorOptions().setHasText("Móng Cái 1")))
                .hasCount(1);
    }

    @Test
    void theCommunesOfLangSonSideBySideAndTheirAchievementInColour() {
        String code = "so-hop-tac-xa-e2e";
        var admin = Api.as(port, tokens, "admin");
        var created = admin.post()
                .uri("/api/indicators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "code", code,
                        "nameVi", "Số hợp tác xã (kiểm thử giao diện)",
                        "unitOfMeasure", "hợp tác xã",
                        "direction", "higher",
                        "periodType", "year",
                        "rollup", "sum"))
                .retrieve()
                .toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long langSon = named(jdbc, "province", "Lạng Sơn");
        var communes = children(jdbc, langSon, Indicators.today(), 3);
        // targets 10 each for 2025-2030; figures 12 (achieved), 9 (at risk: one year, no trend), 4 (off track)
        int[] figures = {12, 9, 4};
        for (int i = 0; i < 3; i++) {
            var value = admin.post()
                    .uri("/api/indicators/" + code + "/values")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("unit", communes.get(i), "period", "2026", "value", figures[i]))
                    .retrieve()
                    .toBodilessEntity();
            assertThat(value.getStatusCode().value()).isEqualTo(201);
            var target = admin.post()
                    .uri("/api/indicators/" + code + "/targets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("unit", communes.get(i), "term", "2025-2030", "value", 10))
                    .retrieve()
                    .toBodilessEntity();
            assertThat(target.getStatusCode().value()).isEqualTo(201);
        }
        var page = signIn("admin");
        page.navigate("http://localhost:" + port + "/indicators/" + code
                + "?view=as_now&term=2025-2030&period=2026&unit=" + langSon);
        assertThat(page.locator("#units canvas")).hasCount(1);
        assertThat(seriesData(page, "units", 0))
                .extracting(v -> new BigDecimal(v.toString()).intValue())
                .containsExactly(12, 9, 4);
        assertThat(page.locator("#units-table tbody tr")).hasCount(3);
        assertThat(page.locator("#achievement-table tbody tr")).hasCount(3);
        var first = page.locator("#units-table tbody tr").first();
        assertThat(first.locator("td").first()).hasText("1");
        assertThat(first.locator("td").nth(2)).hasText("12");

        @SuppressWarnings("unchecked")
        var bars = (List<Map<String, Object>>) (List<?>) seriesData(page, "achieved", 0);
        assertThat(bars).extracting(b -> (Object) b.get("status")).containsExactly("achieved", "at_risk", "off_track");
        assertThat(bars)
                .extracting(b -> (Object) ((Map<?, ?>) b.get("itemStyle")).get("color"))
                .containsExactly("#2e7d32", "#e09b2d", "#a3161a");
        assertThat(page.locator("#achievement-table tbody tr").nth(1).locator(".status"))
                .hasText("Có nguy cơ không đạt");
        // a unit's figure opens its own page
        first.locator("td").nth(2).locator("a").click();
        assertThat(page.locator("#targets tbody tr")).hasAttribute("data-status", "achieved");
    }
}
