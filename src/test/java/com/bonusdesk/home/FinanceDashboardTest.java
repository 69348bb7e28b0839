package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finance's home page and dashboard figures on real PostgreSQL: each plan's budget for the period holding the
 * test clock's 15 June 2026 against what the period's runs spent, projected to the month's end at that pace, the
 * weekly runs in order, what the next run holds so far and the approved claims still waiting for money.
 */
@IntegrationTest
class FinanceDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void financeSeesSpendAgainstBudgetProjectedAtTodaysPaceAndTheRuns() throws Exception {
        jdbc.update("update plan_version set budget_amount = 1000.00, budget_period = 'MONTH' where kind = 'NEW_CLIENT'");
        try {
            String json = mvc.perform(get("/api/v1/me/dashboard").header("Accept-Language", "en")
                            .with(SignedIn.as(accounts, "finance1")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            List<Map<String, Object>> budgets = JsonPath.read(json, "$.budgets[?(@.plan == 'NEW_CLIENT')]");
            assertThat(budgets).singleElement().satisfies(budget -> {
                assertThat(budget).containsEntry("budget", "1000.00").containsEntry("period", "MONTH")
                        .containsEntry("from", "2026-06-01").containsEntry("to", "2026-06-30")
                        .containsEntry("planName", "New-client bonus (R1)");
                BigDecimal spent = new BigDecimal((String) budget.get("spent"));
                assertThat(new BigDecimal((String) budget.get("projected")))
                        .as("15 of 30 days gone: the month ends at twice the spend so far")
                        .isEqualByComparingTo(spent.multiply(BigDecimal.valueOf(2)));
            });
            List<String> weeks = JsonPath.read(json, "$.runs[*].weekEnding");
            assertThat(weeks).isSorted();
            List<String> statuses = JsonPath.read(json, "$.runs[*].status");
            assertThat(statuses).doesNotContain("REJECTED");

            mvc.perform(get("/").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "finance1")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"table-budgets\""),
                            containsString("本期预算执行"), containsString("新开客户奖励"))));
        } finally {
            jdbc.update("update plan_version set budget_amount = null, budget_period = null where kind = 'NEW_CLIENT'");
        }
    }

    @Test
    void financeSeesWhatTheNextRunHoldsSoFarAndTheClaimsStillWaitingForMoney() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        Map<String, Object> before = nextRun();
        long payee = fixture.payee("下次发放");
        long line = fixture.line(payee, RuleCode.R5, "123.45", LocalDate.of(2026, 6, 15));

        Map<String, Object> after = nextRun();
        assertThat(after).containsEntry("weekEnding", before.get("weekEnding"));
        assertThat(((Number) after.get("lines")).longValue()).isEqualTo(((Number) before.get("lines")).longValue() + 1);
        assertThat(new BigDecimal((String) after.get("total")))
                .isEqualByComparingTo(new BigDecimal((String) before.get("total")).add(new BigDecimal("123.45")));
        transactions.executeWithoutResult(status -> ledger.holdFor(line, "TEST:" + line, "held back in the test"));
        assertThat(new BigDecimal((String) nextRun().get("total"))).as("a line held back waits")
                .isEqualByComparingTo(new BigDecimal((String) before.get("total")));

        long manager = fixture.payee("回款经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long salesperson = fixture.payee("回款销售");
        jdbc.update("update person set manager_id = ? where id = ?", manager, salesperson);
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "等待回款公司", "WAIT-" + ClientCodes.fresh(),
                LocalDate.of(2026, 6, 1), new BigDecimal("800.00"), 12, false, false, null), salesperson,
                "finance-test").orRefuse();
        claims.decide(claim.getId(), manager, true, null, fixture.username(manager));
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 6, 5), new BigDecimal("300.00"),
                "WAIT-1-" + claim.getId(), "finance1");

        List<Map<String, Object>> waiting = JsonPath.read(dashboard(),
                "$.moneyAwaited.soonest[?(@.claimId == " + claim.getId() + ")]");
        assertThat(waiting).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("orderAmount", "800.00").containsEntry("collected", "300.00")
                .containsEntry("windowEnds", "2026-07-01"));
        mvc.perform(get("/").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("等待回款的已批准申报"), containsString("等待回款公司"),
                        containsString("下一次发放目前包含的"))));

        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 6, 9), new BigDecimal("500.00"),
                "WAIT-2-" + claim.getId(), "finance1");
        List<Object> paidInFull = JsonPath.read(dashboard(),
                "$.moneyAwaited.soonest[?(@.claimId == " + claim.getId() + ")]");
        assertThat(paidInFull).as("paid in full: nothing more to wait for").isEmpty();
    }

    private String dashboard() throws Exception {
        return mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Map<String, Object> nextRun() throws Exception {
        return JsonPath.read(dashboard(), "$.nextRun");
    }
}
