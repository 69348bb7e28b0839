package com.bonusdesk.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver}. Selenium
 * is given both paths so that it never tries to download a browser or a driver. Without them the browser
 * tests are skipped, unless {@code browser.tests=required} (system property, or {@code BROWSER_TESTS}
 * in the environment) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private final Path downloads;

    private Browser(WebDriver driver, int port, Path downloads) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        this.downloads = downloads;
    }

    /** Opens a browser whose own language is English, or skips / fails the test when there is none. */
    public static Browser open(int port) {
        String missing = !Files.isExecutable(BINARY) ? BINARY.toString()
                : !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
        if (missing != null) {
            String message = "Browser tests need Chromium: " + missing + " is missing "
                    + "(apt-get install chromium chromium-driver)";
            if (required()) {
                Assertions.fail(message + ", and browser.tests=required");
            }
            Assumptions.abort(message + "; skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,1000", "--lang=en-US",
                // Bootstrap scrolls smoothly unless motion is reduced: a click would land while the page still moves
                "--force-prefers-reduced-motion");
        Path downloads = temporaryDirectory();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en",
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), port, downloads);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("bonusdesk-downloads");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The file the browser downloaded under {@code name}, once it has finished downloading it. */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(driver -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    private static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty("browser.tests"))
                || "required".equalsIgnoreCase(System.getenv("BROWSER_TESTS"));
    }

    public Browser visit(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String username, String password) {
        visit("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("sign-in"));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    public Browser signOut() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));
        return this;
    }

    public Browser type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /** Sets a field the way a date or month picker would, without typing in the browser's own date format. */
    public Browser pick(By field, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(field), value);
        return this;
    }

    public Browser click(By target) {
        driver.findElement(target).click();
        return this;
    }

    public WebElement find(By target) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(target));
    }

    public boolean has(By target) {
        return !driver.findElements(target).isEmpty();
    }

    /**
     * The element's text once the page holding it has settled: an element found while the browser was still
     * replacing the page goes stale, and is looked up again.
     */
    public String text(By target) {
        return wait.until(driver -> driver.findElement(target).getText());
    }

    public String title() {
        return driver.getTitle();
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * What the browser's console reported as errors since the last call: a blocked inline script, a
     * stylesheet refused by the Content-Security-Policy, a failed asset.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
