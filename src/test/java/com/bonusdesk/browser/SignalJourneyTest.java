package com.bonusdesk.browser;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.PayoutFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance reviews a shared bank account, in Chinese, and holds the lines of the payees who share it. */
class SignalJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Test
    void financeReviewsASharedAccountSignalAndHoldsItsLines() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        String account = "6217" + System.nanoTime() % 1_000_000_000_000L;
        for (String name : new String[] {"同卡销售一", "同卡销售二"}) {
            long payee = fixture.payee(name);
            jdbc.update("update person set bank_name = '建设银行', bank_account = ? where id = ?", account, payee);
            fixture.line(payee, RuleCode.R1, "88.00", LocalDate.of(2026, 6, 10));
        }

        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));
        browser.signIn("finance1", "demo1234").click(By.id("nav-signals")).click(By.id("recompute-signals"));
        assertThat(browser.text(By.id("flash-success"))).startsWith("复核完成");
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
