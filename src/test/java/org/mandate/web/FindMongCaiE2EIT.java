package org.mandate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mandate.support.Browser;
import org.mandate.support.MandateIT;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person looks for Móng Cái without tone marks and finds where the city went in 2025. */
@MandateIT
class FindMongCaiE2EIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void searchMongCaiOpenTheCityAndSeeItsSuccessors() {
        var page = browser.open("http://localhost:" + port + "/");
        page.locator("#home-search").fill("mong cai");
        page.locator("#home-search").press("Enter");

        var city = page.getByRole(
                AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions()
                        .setName("Thành phố Móng Cái")
                        .setExact(true));
        assertThat(city).isVisible();
        city.click();

        assertThat(page.locator("h1")).hasText("Thành phố Móng Cái");
        var successors = page.locator("#successors a.successor");
        assertThat(successors)
                .containsText(
                        new String[] {"Móng Cái 2", "Móng Cái 1", "Hải Sơn", "Hải Ninh", "Móng Cái 3", "Vĩnh Thực"});
        assertThat(page.locator("#went-to")).containsText("Phường Móng Cái 1");
    }

    @Test
    void theEnglishSwitchTranslatesThePage() {
        var page = browser.open("http://localhost:" + port + "/units?asOf=2024-10-09");
        assertThat(page.locator("h1")).hasText("Đơn vị hành chính");
        page.getByText("English").click();
        assertThat(page.locator("h1")).hasText("Administrative units");
        assertThat(page.locator(".card")).containsText(new String[] {"63", "696", "10.035"});
    }
}
