package org.mandate.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright (Playwright cannot download its own browser here). The
 * flags keep Chromium from reaching for the network it does not have.
 *
 * <p>A test class holds one as {@code @RegisterExtension static final Browser browser = new
 * Browser();}: the browser starts with the class and is closed after its last test.
 */
public final class Browser implements AutoCloseable, AfterAllCallback {
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

    /** The same, then on the page at {@code path} ({@code /indicators/entry?unit=...}). */
    public Page signIn(int port, String user, String path) {
        var page = signIn(port, user);
        page.navigate("http://localhost:" + port + path);
        return page;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
