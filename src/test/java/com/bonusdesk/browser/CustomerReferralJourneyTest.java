package com.bonusdesk.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** 老带新 as the people involved handle it, in Chinese: first visit, deal paid in full, manager, general manager. */
class CustomerReferralJourneyTest extends BrowserTest {

    @Test
    void theSalespersonRegistersTheManagerAndTheGeneralManagerApproveAndTheRewardIsDue() {
        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));
        browser.signIn("sales1", "demo1234").click(By.id("nav-customer-referrals")).click(By.id("new-customer-referral"));
        browser.type(By.id("visitorName"), "赵新客").type(By.id("visitorMobile"), "13912345678")
                .type(By.id("referrerName"), "钱老业主").type(By.id("referrerMobile"), "13887654321")
                .type(By.id("referrerContractNumber"), "HT-2025-0088");
        new Select(browser.find(By.id("propertyType"))).selectByValue("RESIDENTIAL");
        browser.click(By.id("register-visit"));
        assertThat(browser.text(By.id("flash-success"))).contains("赵新客");
        String path = browser.path();

        browser.type(By.id("contractNumber"), "HT-2026-0601").pick(By.id("signedDate"), "2026-06-01")
                .type(By.id("dealAmount"), "1234567.00").type(By.id("referrerBankName"), "招商银行苏州分行")
                .type(By.id("referrerBankAccount"), "6225880112345678").click(By.id("paidInFull1"))
                .click(By.id("record-deal"));
        assertThat(browser.text(By.id("flash-success"))).contains("已提交销售经理审批");
        browser.signOut();

        browser.signIn("manager1", "demo1234").click(By.id("nav-customer-approvals")).click(By.linkText("赵新客"));
        browser.click(By.id("approve"));
        assertThat(browser.text(By.id("flash-success"))).contains("下一步由总经理审批");
        browser.signOut();

        browser.signIn("director1", "demo1234").click(By.id("nav-customer-approvals")).click(By.linkText("赵新客"));
        browser.type(By.id("reason"), "首次到访登记与合同一致").click(By.id("approve"));
        assertThat(browser.text(By.id("flash-success"))).contains("奖励应发放给推荐的老客户");
        browser.signOut();

        browser.signIn("sales1", "demo1234").visit(path);
        assertThat(browser.text(By.id("customer-referral-status"))).isEqualTo("已批准");
        assertThat(browser.text(By.id("customer-referral-due"))).contains("2026年6月25日");
        assertThat(browser.text(By.id("customer-referral-lines"))).contains("老带新奖励", "2,500.00");
        assertThat(browser.text(By.id("customer-referral-timeline"))).contains("manager1", "director1", "首次到访登记与合同一致");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
