package org.mandate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mandate.support.Browser;
import org.mandate.support.MandateIT;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The province office opens its dashboard, follows the overdue count down to the tasks behind
 * it, and reports progress on one of them.
 */
@MandateIT
class TaskDashboardE2EIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void fromTheOverdueCountToATaskAndItsReport() {
        var page = browser.signIn(port, "quangninh");
        page.navigate("http://localhost:" + port + "/tasks/dashboard");

        assertThat(page.locator("h1")).containsText("Quảng Ninh");
        assertThat(page.locator("#trend canvas")).hasCount(1);
        assertThat(page.locator("#by-lead-unit tbody tr").first()).isVisible();
        page.locator("#counts a[data-status=overdue]").click();

        var task = page.locator("table.tasks a", new Page.LocatorOptions().setHasText("Cải cách dịch vụ công"));
        assertThat(task).hasCount(1);
        // filtered by deadline too: nothing of it was due before 2000
        page.locator("input[name=deadlineTo]").fill("2000-01-01");
        page.locator("form.asof button[type=submit]").click();
        page.waitForURL(url -> url.contains("deadlineTo=2000-01-01"));
        assertThat(page.locator("p.muted", new Page.LocatorOptions().setHasText("nhiệm vụ")))
                .hasText("0 nhiệm vụ");
        assertThat(page.locator("table.tasks tbody tr")).hasCount(0);
        page.goBack();
        task.click();
        assertThat(page.locator("#status")).hasText("Quá hạn");
        assertThat(page.locator("#reports")).containsText("Số hóa 60% thủ tục");

        page.locator("#reports input[name=percent]").fill("75");
        page.locator("#reports textarea[name=note]").fill("Số hóa thêm 15% thủ tục");
        page.locator("#reports button[type=submit]").click();
        assertThat(page.locator("#reports")).containsText("Số hóa thêm 15% thủ tục");
        assertThat(page.locator("table.facts")).containsText("75%");
    }
}
