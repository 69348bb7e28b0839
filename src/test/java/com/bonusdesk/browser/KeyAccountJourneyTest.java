package com.bonusdesk.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.clients.OrderImport;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.PayoutFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance designates a key account, computes the closed month, the weekly run pays the client, and the client's
 * statement matches the payout sheet — in Chinese.
 */
class KeyAccountJourneyTest extends BrowserTest {

    @Autowired
    OrderImport orders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    /** The week's run is this journey's own; the journeys after it build theirs. */
    @BeforeEach
    @AfterEach
    void startAndEndWithoutRuns() {
        new PayoutFixture(jdbc, ledger).forgetAllLinesAndRuns();
    }

    @Test
    void financeDesignatesAKeyAccountTheRunPaysItAndTheStatementMatchesTheSheet() throws Exception {
        String code = ClientCodes.fresh();
        orders.importAll("client_code,client_name,order_number,order_date,amount,units\n"
                + code + ",南京江宁大客户有限公司,KA-J-" + code.substring(12) + "-1,2026-05-06,50000.00,10\n"
                + code + ",南京江宁大客户有限公司,KA-J-" + code.substring(12) + "-2,2026-05-21,30000.00,10\n", "finance1");
        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));

        browser.signIn("finance1", "demo1234").click(By.id("nav-key-accounts")).click(By.id("new-key-account"));
        browser.type(By.id("clientCode"), code)
                .pick(By.id("from"), "2026-01-01")
                .type(By.id("bankName"), "中国工商银行南京江宁支行")
                .type(By.id("bankAccount"), "6222024301012345678")
                .click(By.id("designate"));
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("客户 " + code + " 已成为大客户。");
        assertThat(browser.text(By.id("key-account-no-months"))).contains("尚未计算任何月份");

        browser.click(By.id("nav-key-accounts")).click(By.id("compute"));
        assertThat(browser.text(By.id("flash-success"))).contains("2026-05");
        browser.visit("/key-accounts/" + code + "/statements/2026-05");
        assertThat(browser.text(By.id("statement-purchases"))).isEqualTo("¥80,000.00");
        assertThat(browser.text(By.id("statement-lines"))).contains(
                "2026-05 采购额 80,000.00，不超过 100,000.00：20% × 80,000.00 = 16,000.00", "¥16,000.00");

        browser.click(By.id("nav-payouts")).click(By.id("build"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        browser.waiting().until(ExpectedConditions.urlMatches("/payouts/\\d+$"));
        String runPath = browser.path();
        browser.signOut();

        browser.signIn("director1", "demo1234").visit(runPath);
        browser.type(By.id("reason"), "大客户补贴已核对").click(By.id("approve"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        browser.signOut();

        browser.signIn("finance1", "demo1234").visit(runPath);
        browser.click(By.id("download-csv"));
        Path csv = browser.downloaded("payout-2026-W25.csv");
        String clientRow = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .filter(row -> row.startsWith("client-" + code + ",")).findFirst().orElseThrow();
        assertThat(clientRow).contains("南京江宁大客户有限公司", "中国工商银行南京江宁支行", "6222024301012345678")
                .endsWith(",16000.00");
        browser.click(By.id("mark-paid"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();

        browser.visit("/key-accounts/" + code + "/statements/2026-05");
        assertThat(browser.text(By.id("statement-lines"))).contains("¥16,000.00", "已支付");
        browser.visit("/key-accounts/" + code);
        assertThat(browser.text(By.id("key-account-months"))).contains("现金补贴", "¥80,000.00", "¥16,000.00");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
