package com.bonusdesk.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance's and a director's home pages in Chinese, charts drawn by the browser, each opening the list behind it. */
class DashboardJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void financeSeesSpendAgainstBudgetAndTheNextRunAndADirectorNarrowsTheCompanyToATeam() {
        jdbc.update("update plan_version set budget_amount = 5000.00, budget_period = 'MONTH' where kind = 'NEW_CLIENT'");
        try {
            Browser browser = browser();
            browser.visit("/login").click(By.id("lang-zh"));

            browser.signIn("finance1", "demo1234");
            browser.waiting().until(driver -> "true".equals(
                    driver.findElement(By.id("chart-budgets")).getAttribute("data-drawn")));
            assertThat(browser.text(By.id("budgets"))).contains("本期预算执行", "新开客户奖励", "¥5,000.00");
            assertThat(browser.text(By.id("next-run"))).contains("下一次发放目前包含的");
            assertThat(browser.text(By.id("money-awaited"))).contains("等待回款的已批准申报");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.find(By.id("chart-budgets")).click();
            browser.waiting().until(driver -> browser.path().startsWith("/payouts"));
            browser.signOut();

            browser.signIn("director1", "demo1234");
            browser.waiting().until(driver -> "true".equals(
                    driver.findElement(By.id("chart-cost-share")).getAttribute("data-drawn")));
            assertThat(browser.text(By.id("director-dashboard"))).contains("激励成本与回款对比", "老带新：从首次到访到奖励发放");
            new Select(browser.find(By.id("period-team"))).selectByVisibleText("王芳 的团队");
            browser.pick(By.id("period-from"), "2026-04");
            browser.click(By.cssSelector("#director-filter button[type=submit]"));
            browser.waiting().until(driver -> "true".equals(
                    driver.findElement(By.id("chart-funnel")).getAttribute("data-drawn")));
            assertThat(browser.path()).contains("from=2026-04", "team=");
            assertThat(new Select(browser.find(By.id("period-team"))).getFirstSelectedOption().getText())
                    .isEqualTo("王芳 的团队");
            assertThat(browser.find(By.id("table-cost-share")).getAttribute("textContent"))
                    .contains("2026-04", "2026-06").doesNotContain("2026-03");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            jdbc.update("update plan_version set budget_amount = null, budget_period = null where kind = 'NEW_CLIENT'");
        }
    }
}
