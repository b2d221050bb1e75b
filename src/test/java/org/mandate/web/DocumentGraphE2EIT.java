package org.mandate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.support.Browser;
import org.mandate.support.MandateIT;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An office finds the Government's action programme by its number typed loosely, sees what it
 * implements drawn as a graph and on a timeline, and corrects a relation read from the text.
 */
@MandateIT
class DocumentGraphE2EIT {
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

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
}
