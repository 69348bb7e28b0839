package com.bonusdesk.browser;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.ledger.Ledger;

import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.PayoutFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator weighs a plan change before publishing it: the order-size tier for orders up to 10,000.00
 * raised from 200.00 to 300.00, simulated over the first half of June 2026, shows what it costs and that the
 * salesperson whose 3,000.00 order earned that tier gains 100.00. The draft is discarded afterwards.
 */
class SimulationJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Test
    void anAdministratorEditsADraftTierTableSimulatesItAndSeesWhoGains() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long manager = fixture.payee("模拟旅程经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long salesperson = fixture.payee("模拟旅程销售");
        jdbc.update("update person set manager_id = ? where id = ?", manager, salesperson);
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "无锡锡山宏达五金有限公司", "SIMJ-" + ClientCodes.fresh(),
                LocalDate.of(2026, 6, 3), new BigDecimal("3000.00"), 40, false, false, null), salesperson,
                "simulation-journey").orRefuse();
        claims.decide(claim.getId(), manager, true, null, fixture.username(manager));
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 6, 5), new BigDecimal("3000.00"),
                "SIMJ-" + claim.getId(), "finance1");

        Browser browser = browser();
        browser.visit("/login").click(By.id("lang-en"));
        browser.signIn("admin1", "demo1234").click(By.id("nav-plans")).click(By.id("draft-ORDER_SIZE_TIER"));
        // the click submits a form: the draft's address is known once the browser has followed the redirect
        browser.waiting().until(ExpectedConditions.urlMatches("/admin/plans/versions/\\d+$"));
        String draft = browser.path();
        try {
            browser.type(By.id("field-tiers-1-bonus"), "300.00").click(By.id("save-plan"));
            assertThat(browser.text(By.id("flash-success"))).isEqualTo("The draft was saved.");
            browser.pick(By.id("simulate-from"), "2026-06-01").pick(By.id("simulate-to"), "2026-06-14")
                    .click(By.id("simulate"));
            browser.waiting().until(driver -> !driver.findElements(By.id("simulation-total")).isEmpty());
            assertThat(browser.text(By.id("simulation-difference"))).startsWith("CN¥").doesNotStartWith("CN¥0.00");
            assertThat(browser.text(By.id("simulation-people"))).matches("[1-9]\\d* people would gain, 0 would lose\\.");
            assertThat(browser.text(By.xpath("//div[@id='simulation-changes']//tr[td[1][text()='模拟旅程销售']]")))
                    .as("the 3,000.00 order's tier").isEqualTo("模拟旅程销售 CN¥200.00 CN¥300.00 CN¥100.00");
            browser.waiting().until(driver -> "true".equals(
                    driver.findElement(By.id("chart-simulation")).getAttribute("data-drawn")));
            assertThat(browser.consoleErrors()).isEmpty();
            browser.click(By.linkText("Back to the plan version"));
            assertThat(browser.path()).isEqualTo(draft);
        } finally {
            browser.visit(draft).click(By.id("discard-plan"));
            browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        }
        assertThat(browser.text(By.id("flash-success"))).contains("discarded");
    }
}
