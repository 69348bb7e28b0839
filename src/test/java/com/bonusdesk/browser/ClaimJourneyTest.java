package com.bonusdesk.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** New-client claims from submission to earned lines, in Chinese, as the people involved do it. */
class ClaimJourneyTest extends BrowserTest {

    private static final String NEVER_SERVED = "91310115MACCXUF25F";

    @Test
    void salesSubmitsTheManagerApprovesFinanceCollectsAndSalesSeesTheLines() {
        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));

        browser.signIn("sales1", "demo1234").click(By.id("nav-claims")).click(By.id("new-claim"));
        browser.type(By.id("clientCode"), NEVER_SERVED)
                .type(By.id("clientName"), "镇江润州包装有限公司")
                .type(By.id("orderNumber"), "ERP-9001")
                .pick(By.id("orderDate"), "2026-06-01")
                .type(By.id("orderAmount"), "800.00")
                .type(By.id("units"), "12")
                .click(By.id("check-claim"));
        assertThat(browser.text(By.id("claim-estimate-total"))).contains("¥130.00");
        browser.click(By.id("submit-claim"));
        assertThat(browser.text(By.id("flash-success"))).contains("已提交给直属上级");
        String claimPath = browser.path();
        browser.signOut();

        browser.signIn("manager1", "demo1234");
        assertThat(browser.has(By.id("unread-count"))).as("the bell counts the waiting claim").isTrue();
        browser.click(By.id("nav-notifications"));
        assertThat(browser.text(By.id("notifications-list"))).contains("新客户奖励申请 #", "待您审批");
        browser.click(By.id("nav-approvals"));
        browser.click(By.linkText("镇江润州包装有限公司"));
        browser.type(By.id("reason"), "已核对 ERP 订单").click(By.id("approve"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("申报已批准。");
        browser.signOut();

        browser.signIn("finance1", "demo1234").click(By.id("nav-collections"));
        browser.type(By.id("orderNumber"), "ERP-9001")
                .pick(By.id("receivedOn"), "2026-06-12")
                .type(By.id("amount"), "800.00")
                .type(By.id("reference"), "RCPT-9001")
                .click(By.id("record-collection"));
        assertThat(browser.text(By.id("flash-success"))).contains("产生 2 条奖金明细");
        browser.signOut();

        browser.signIn("sales1", "demo1234").visit(claimPath);
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("已批准");
        assertThat(browser.text(By.id("claim-lines")))
                .contains("新开客户奖励", "10% × 2026-06-12 回款 800.00 = 80.00")
                .contains("开拓客户奖励", "订单金额 800.00，不超过 1,000.00：50.00");
        assertThat(browser.text(By.id("claim-total"))).isEqualTo("¥130.00");
        assertThat(browser.text(By.id("claim-timeline"))).contains("manager1", "已核对 ERP 订单");

        browser.visit("/");
        browser.waiting().until(driver -> "true".equals(
                driver.findElement(By.id("chart-earned")).getAttribute("data-drawn")));
        assertThat(browser.text(By.id("tier-progress"))).contains("本月已有", "个新客户");
        assertThat(browser.find(By.id("table-earned")).getAttribute("textContent")).contains("2026-06", "已发放");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aClaimAboveTheThresholdIsApprovedByTheManagerThenByAGeneralManager() {
        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));

        browser.signIn("sales1", "demo1234").click(By.id("nav-claims")).click(By.id("new-claim"));
        browser.type(By.id("clientCode"), ClientCodes.fresh())
                .type(By.id("clientName"), "丹阳大额订单有限公司")
                .type(By.id("orderNumber"), "ERP-9002")
                .pick(By.id("orderDate"), "2026-06-02")
                .type(By.id("orderAmount"), "30000.00")
                .type(By.id("units"), "40")
                .click(By.id("check-claim"));
        assertThat(browser.text(By.id("claim-estimate-total"))).contains("¥3,500.00");
        browser.click(By.id("submit-claim"));
        assertThat(browser.text(By.id("claim-chain"))).contains("提交人的上级经理", "所有金额", "待审批", "总经理",
                "超过 ¥2,000.00", "未到达");
        String claimPath = browser.path();
        browser.signOut();

        browser.signIn("manager1", "demo1234").click(By.id("nav-approvals"));
        browser.click(By.linkText("丹阳大额订单有限公司"));
        browser.type(By.id("reason"), "金额已核对").click(By.id("approve"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("您已批准本步骤，申报现等待审批流程的下一步。");
        assertThat(browser.has(By.linkText("丹阳大额订单有限公司"))).as("no longer manager1's step").isFalse();
        browser.signOut();

        browser.signIn("director1", "demo1234").click(By.id("nav-approvals"));
        browser.click(By.linkText("丹阳大额订单有限公司"));
        assertThat(browser.text(By.id("claim-chain"))).contains("已批准", "manager1");
        browser.click(By.id("approve"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("申报已批准。");
        browser.signOut();

        browser.signIn("sales1", "demo1234").visit(claimPath);
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("已批准");
        assertThat(browser.text(By.id("claim-chain"))).contains("manager1", "director1").doesNotContain("待审批");
        assertThat(browser.text(By.id("claim-timeline"))).contains("本步骤已批准，等待下一步", "金额已核对");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
