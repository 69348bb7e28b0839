package com.bonusdesk.browser;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.PayoutFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance reviews the signals in Chinese: amounts clustered just above the boundaries, drawn against the company's,
 * and a shared bank account, whose lines they hold.
 */
class SignalJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ClaimService claims;

    @Test
    void financeReviewsASharedAccountSignalAndHoldsItsLines() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        String account = "6217" + System.nanoTime() % 1_000_000_000_000L;
        for (String name : new String[] {"同卡销售一", "同卡销售二"}) {
            long payee = fixture.payee(name);
            jdbc.update("update person set bank_name = '建设银行', bank_account = ? where id = ?", account, payee);
            fixture.line(payee, RuleCode.R1, "88.00", LocalDate.of(2026, 6, 10));
        }
        long nudger = fixture.salesperson("凑整旅程销售");
        for (String amount : new String[] {"505.00", "510.00", "1010.00", "1020.00", "10100.00", "2000.00"}) {
            claims.submit(new ClaimFacts(ClientCodes.fresh(), "凑整客户", "NUDGE-" + ClientCodes.fresh(),
                    LocalDate.of(2026, 5, 20), new BigDecimal(amount), 12, false, false, null), nudger, "journey")
                    .orRefuse();
        }

        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));
        browser.signIn("finance1", "demo1234").click(By.id("nav-signals")).click(By.id("recompute-signals"));
        assertThat(browser.text(By.id("flash-success"))).startsWith("复核完成");
        WebElement cluster = browser.find(By.xpath("//div[@data-rule='THRESHOLD_CLUSTER'][contains(., '凑整旅程销售')]"));
        browser.waiting().until(driver -> "true".equals(
                cluster.findElement(By.cssSelector(".signal-chart")).getAttribute("data-drawn")));
        WebElement card = browser.find(By.xpath("//div[@data-rule='SHARED_BANK_ACCOUNT'][.//li[contains(., '同卡销售一')]]"));
        assertThat(card.getText()).contains("共用银行账户", "同卡销售一、同卡销售二", "涉及 2 条尚未进入发放批次的明细");
        String id = card.getAttribute("data-signal");
        browser.click(By.id("hold-" + id));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("已暂扣 2 条明细，不进入发放批次。");
        assertThat(browser.has(By.cssSelector("[data-signal='" + id + "']"))).as("no longer to review").isFalse();
        browser.click(By.id("signals-HELD"));
        assertThat(browser.text(By.cssSelector("[data-signal='" + id + "']"))).contains("已暂扣，处理人 finance1");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
