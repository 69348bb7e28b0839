package com.bonusdesk.browser;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** A salesperson questions a line of their claim and finance corrects it with an adjustment, in Chinese. */
class DisputeJourneyTest extends BrowserTest {

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    PersonService people;

    @Test
    void salesDisputesALineFinanceResolvesItWithAnAdjustmentAndSalesSeesIt() {
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "常州武进恒通机械有限公司", "ERP-DISPUTE-1",
                LocalDate.of(2026, 6, 2), new BigDecimal("800.00"), 12, false, false, null), id("sales1"), "sales1")
                .orRefuse();
        claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
        collections.record("ERP-DISPUTE-1", LocalDate.of(2026, 6, 12), new BigDecimal("800.00"), "RCPT-DISPUTE-1",
                "finance1");
        long r1 = claims.linesOf(claim.getId()).stream().filter(line -> line.rule().equals("R1"))
                .map(Ledger.Line::id).findFirst().orElseThrow();
        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-zh"));

        browser.signIn("sales1", "demo1234").visit("/claims/" + claim.getId()).click(By.id("dispute-line-" + r1));
        assertThat(browser.text(By.id("dispute-subject"))).contains("新开客户奖励", "80.00");
        browser.type(By.id("text"), "客户实际回款 1,000.00，奖金应为 100.00").click(By.id("open-dispute"));
        assertThat(browser.text(By.id("flash-success"))).contains("您的疑问已提交给财务", "2026-06-23");
        String disputePath = browser.path();
        assertThat(browser.text(By.id("dispute-status"))).isEqualTo("待答复");
        browser.signOut();

        browser.signIn("finance1", "demo1234");
        assertThat(browser.text(By.id("home-disputes-waiting"))).contains("个疑问待答复");
        browser.click(By.id("nav-disputes")).click(By.linkText(disputePath.replace("/disputes/", "#")));
        browser.type(By.id("adjustment-amount"), "20.00")
                .type(By.id("adjustment-reason"), "补登 200.00 回款后的新开客户奖励")
                .click(By.id("adjust"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("疑问已解决，调整已批准，将在下一次周发放中支付。");
        assertThat(browser.text(By.id("dispute-status"))).isEqualTo("已以调整解决");
        browser.signOut();

        browser.signIn("sales1", "demo1234").visit(disputePath);
        assertThat(browser.text(By.id("dispute-answer"))).isEqualTo("补登 200.00 回款后的新开客户奖励");
        assertThat(browser.text(By.id("dispute-adjustment"))).contains("¥20.00", "已批准");
        browser.click(By.id("nav-bonus"));
        assertThat(browser.text(By.id("bonus-lines"))).contains("奖金调整",
                "针对疑问 " + disputePath.replace("/disputes/", "#") + " 的调整：补登 200.00 回款后的新开客户奖励", "¥20.00");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
