package com.bonusdesk.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Value;

/**
 * A journey in one headless Chromium per test class, opened on first use and closed after the class; each
 * test starts signed out.
 */
@IntegrationTest
public abstract class BrowserTest {

    private static Browser browser;

    @Value("${local.server.port}")
    private int port;

    protected Browser browser() {
        if (browser == null) {
            browser = Browser.open(port);
        }
        return browser;
    }

    @AfterEach
    void forgetTheSession() {
        if (browser != null) {
            browser.driver().manage().deleteAllCookies();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
