package com.bonusdesk.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** A sales referral as the people involved handle it: the salesperson files it, HR approves it. */
class ReferralJourneyTest extends BrowserTest {

    @Test
    void salesFilesAReferralHrApprovesItAndSalesSeesTheReferralBonus() {
        Browser browser = browser();
        browser.signIn("sales1", "demo1234").click(By.id("nav-referrals")).click(By.id("new-referral"));
        browser.type(By.id("clientCode"), ClientCodes.fresh())
                .type(By.id("clientName"), "常州武进精工机械有限公司")
                .type(By.id("contractNumber"), "HT-2026-0608")
                .pick(By.id("signedDate"), "2026-06-08")
                .type(By.id("contractAmount"), "250000")
                .type(By.id("clientAnnualSales"), "600000");
        new Select(browser.find(By.id("relationship"))).selectByValue("NONE");
        browser.click(By.id("check-referral"));
        assertThat(browser.text(By.id("referral-deadline"))).contains("Jun 30, 2026");
        assertThat(browser.text(By.id("referral-estimate-total"))).contains("CN¥2,500.00");
        browser.click(By.id("file-referral"));
        assertThat(browser.text(By.id("flash-success"))).contains("常州武进精工机械有限公司");
        String referralPath = browser.path();
        browser.signOut();

        browser.signIn("hr1", "demo1234").click(By.id("nav-hr-referrals"));
        browser.click(By.linkText("常州武进精工机械有限公司"));
        browser.type(By.id("reason"), "Contract checked").click(By.id("approve"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("The referral is approved.");
        browser.signOut();

        browser.signIn("sales1", "demo1234").visit(referralPath);
        assertThat(browser.text(By.id("referral-status"))).isEqualTo("Approved");
        assertThat(browser.text(By.id("referral-lines")))
                .contains("Sales referral bonus", "Big client (annual sales 600,000.00): 1% × contract 250,000.00 = 2,500.00");
        assertThat(browser.text(By.id("referral-timeline"))).contains("hr1", "Contract checked");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
