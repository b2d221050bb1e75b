package org.mandate.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright (Playwright cannot download its own browser here). The
 * flags keep Chromium from reaching for the network it does not have.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    "The browser tests need Debian's Chromium at " + CHROMIUM + ": apt-get install chromium");
        }
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    public Page open(String url) {
        Page page =
                browser.newContext(new NewContextOptions().setLocale("vi-VN")).newPage();
        page.navigate(url);
        return page;
    }

    /**
     * A new browser session signed in as a demo user of the test data (password {@code
     * test-password}), on the page the sign-in leads to.
     */
    public Page signIn(int port, String user) {
        var page = open("http://localhost:" + port + "/login");
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill("test-password");
        page.locator("input[name=password]").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
