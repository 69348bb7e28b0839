package com.bonusdesk.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules engine as people use it: estimating, publishing a plan version, keeping the calendar. */
class RulesJourneyTest extends BrowserTest {

    @Test
    void aSalespersonEstimatesANewClientOrderBeforeClaiming() {
        Browser browser = browser().signIn("sales1", "demo1234");
        browser.click(By.id("nav-estimate"));
        browser.pick(By.id("orderDate"), "2026-03-02")
                .type(By.id("orderAmount"), "800.00")
                .type(By.id("units"), "12")
                .pick(By.id("collections0.date"), "2026-03-20")
                .type(By.id("collections0.amount"), "800.00")
                .click(By.id("estimate-submit"));

        assertThat(browser.text(By.id("estimate-eligible"))).isEqualTo("Qualifies");
        assertThat(browser.text(By.id("estimate-lines"))).contains("10% × 800.00 collected 2026-03-20 = 80.00");
        assertThat(browser.text(By.id("estimate-total"))).isEqualTo("CN¥130.00");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPublishedVersionChangesTheNextEstimateButNotAnOlderDatedOne() {
        Browser browser = browser().signIn("admin1", "demo1234");
        browser.click(By.id("nav-plans")).click(By.id("draft-MONTHLY_COUNT_TIER"));
        assertThat(browser.text(By.id("plan-status"))).isEqualTo("Draft");
        browser.type(By.id("field-tiers-0-bonus"), "60.00").click(By.id("save-plan"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("The draft was saved.");
        browser.click(By.id("publish-plan"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).startsWith("The version was published");

        assertThat(monthlyCountEstimate(browser, "2026-06")).isEqualTo("CN¥60.00");
        assertThat(monthlyCountEstimate(browser, "2026-05")).isEqualTo("CN¥50.00");
    }

    @Test
    void aHolidayAddedToTheCalendarMovesTheReferralDeadline() {
        Browser browser = browser().signIn("admin1", "demo1234");
        assertThat(referralEstimate(browser)).as("filed on the 16th working day").isFalse();

        browser.click(By.id("nav-calendar"));
        browser.pick(By.id("date"), "2027-03-10").type(By.id("name"), "Company anniversary").click(By.id("add-day"));
        assertThat(browser.text(By.id("flash-success"))).contains("2027-03-10");
        assertThat(browser.find(By.cssSelector("td[data-date='2027-03-10']")).getAttribute("class"))
                .isEqualTo("cal-holiday");

        assertThat(referralEstimate(browser)).as("the holiday makes it the 15th").isTrue();

        browser.visit("/admin/calendar?year=2027");
        browser.click(By.cssSelector("li[data-date='2027-03-10'] button"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).contains("removed");
        assertThat(referralEstimate(browser)).isFalse();
    }

    private static String monthlyCountEstimate(Browser browser, String month) {
        browser.visit("/estimate?kind=MONTHLY_COUNT");
        browser.pick(By.id("month"), month).type(By.id("earnedClients"), "2").click(By.id("estimate-submit"));
        return browser.text(By.id("estimate-total"));
    }

    /** A big-client referral signed Monday 2027-03-01 and filed Tuesday 2027-03-23: does it qualify? */
    private static boolean referralEstimate(Browser browser) {
        browser.visit("/estimate?kind=REFERRAL");
        browser.pick(By.id("signedDate"), "2027-03-01").pick(By.id("applicationDate"), "2027-03-23")
                .type(By.id("contractAmount"), "250000").type(By.id("clientAnnualSales"), "600000")
                .click(By.id("estimate-submit"));
        browser.find(By.id("estimate-result"));
        return browser.has(By.id("estimate-eligible"));
    }
}
