package com.bonusdesk.browser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole journeys of the foundation in a real headless Chromium. */
class FoundationJourneyTest extends BrowserTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Test
    void eachDemoRoleSeesOnlyTheNavigationItMayUse() {
        Map<String, List<String>> waitingCards = Map.of(
                "sales1", List.of("waiting-sales"),
                "manager1", List.of("waiting-manager"),
                "director1", List.of("waiting-manager", "waiting-director"),
                "hr1", List.of("waiting-hr"),
                "finance1", List.of("waiting-finance"),
                "admin1", List.of("waiting-admin"));
        for (var account : waitingCards.entrySet()) {
            Browser browser = browser().signIn(account.getKey(), "demo1234");
            boolean admin = account.getKey().equals("admin1");
            assertThat(browser.has(By.id("nav-home"))).isTrue();
            assertThat(browser.has(By.id("nav-users"))).as(account.getKey() + " sees People").isEqualTo(admin);
            assertThat(browser.has(By.id("nav-audit"))).as(account.getKey() + " sees Audit").isEqualTo(admin);
            assertThat(browser.text(By.id("current-person"))).isNotBlank();
            for (String card : account.getValue()) {
                assertThat(browser.has(By.id(card))).as(account.getKey() + " sees " + card).isTrue();
            }
            assertThat(browser.has(By.id("waiting-admin"))).isEqualTo(admin);
            assertThat(browser.consoleErrors()).as("console of " + account.getKey()).isEmpty();
            browser.signOut();
            assertThat(browser.has(By.id("logged-out"))).isTrue();
        }
    }

    @Test
    void theLanguageSwitchTranslatesThePageAndIsRemembered() {
        Browser browser = browser().visit("/login");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Sign in");
        browser.click(By.id("lang-zh"));
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "登录"));
        assertThat(browser.title()).contains("奖金台");

        browser.signIn("sales2", "demo1234");
        assertThat(browser.text(By.id("nav-home"))).isEqualTo("首页");
        assertThat(browser.text(By.id("current-person"))).isEqualTo("李娜");

        browser.click(By.id("lang-en"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("nav-home"), "Home"));
    }

    @Test
    void anAdministratorFixesAValidationErrorAndCreatesAPerson() {
        String username = "browser" + SEQUENCE.incrementAndGet();
        Browser browser = browser().signIn("admin1", "demo1234");
        browser.click(By.id("nav-users"));
        browser.click(By.id("new-person"));

        browser.type(By.id("displayName"), "黄磊");
        browser.click(By.id("save-person"));
        assertThat(browser.find(By.cssSelector("#username.is-invalid")).isDisplayed()).isTrue();
        assertThat(browser.text(By.cssSelector("#username ~ .invalid-feedback"))).isEqualTo("Enter a username.");
        assertThat(browser.text(By.id("roles-error"))).isEqualTo("Choose at least one role.");
        assertThat(browser.find(By.id("displayName")).getAttribute("value")).isEqualTo("黄磊");

        browser.type(By.id("username"), username)
                .type(By.id("password"), "initial-password")
                .type(By.id("employeeNumber"), "B" + SEQUENCE.incrementAndGet());
        new Select(browser.find(By.id("managerId"))).selectByVisibleText("王芳 (manager1)");
        browser.click(By.cssSelector("input[name=roles][value=SALES]"));
        browser.click(By.id("save-person"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("黄磊 was created.");

        browser.visit("/admin/users?q=" + username);
        assertThat(browser.text(By.id("people-table"))).contains(username).contains("王芳").contains("Salesperson");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void deactivatingAPersonAsksFirst() {
        String username = "confirm" + SEQUENCE.incrementAndGet();
        Browser browser = browser().signIn("admin1", "demo1234");
        browser.click(By.id("nav-users")).click(By.id("new-person"));
        browser.type(By.id("username"), username)
                .type(By.id("displayName"), "To Be Deactivated")
                .type(By.id("password"), "initial-password")
                .click(By.cssSelector("input[name=roles][value=FINANCE]"))
                .click(By.id("save-person"));
        browser.find(By.id("flash-success"));

        browser.click(By.id("deactivate"));
        Alert question = browser.waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Deactivate To Be Deactivated?");
        question.dismiss();
        assertThat(browser.has(By.id("inactive-notice"))).isFalse();

        browser.click(By.id("deactivate"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).contains("was deactivated");
        assertThat(browser.has(By.id("inactive-notice"))).isTrue();
        assertThat(browser.has(By.id("activate"))).isTrue();
    }
}
