package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager's home page and dashboard figures on real PostgreSQL: only their reporting line's claims waiting for
 * them, the line's earnings by person and month from the ledger, and how long each step took.
 */
@IntegrationTest
class ManagerDashboardTest {

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

    @Test
    void aManagerSeesTheirLinesWaitingItemsEarningsAndDecisionTimes() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long manager = fixture.payee("看板经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long member = fixture.payee("团队销售");
        long outsider = fixture.payee("别的团队");
        jdbc.update("update person set manager_id = ? where id = ?", manager, member);
        fixture.line(member, RuleCode.R1, "300.00", LocalDate.of(2026, 4, 2));
        fixture.line(member, RuleCode.R2, "100.00", LocalDate.of(2026, 4, 20));
        fixture.line(outsider, RuleCode.R1, "700.00", LocalDate.of(2026, 4, 2));
        Claim decided = submit(member, "已审批公司");
        claims.decide(decided.getId(), manager, true, null, fixture.username(manager));
        Claim waiting = submit(member, "等待审批公司");

        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, fixture.username(manager))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.earnedByMonth").doesNotExist())
                .andExpect(jsonPath("$.teamWaiting", hasSize(1)))
                .andExpect(jsonPath("$.teamWaiting[0].id").value(waiting.getId()))
                .andExpect(jsonPath("$.teamWaiting[0].label").value("等待审批公司"))
                .andExpect(jsonPath("$.teamWaiting[0].submitter").value("团队销售"))
                .andExpect(jsonPath("$.teamMonths", hasSize(6)))
                .andExpect(jsonPath("$.teamMonths[5]").value("2026-06"))
                .andExpect(jsonPath("$.teamEarnings", hasSize(1)))
                .andExpect(jsonPath("$.teamEarnings[0].person").value("团队销售"))
                .andExpect(jsonPath("$.teamEarnings[0].month").value("2026-04"))
                .andExpect(jsonPath("$.teamEarnings[0].amount").value("400.00"))
                .andExpect(jsonPath("$.decisionTimes", hasSize(1)))
                .andExpect(jsonPath("$.decisionTimes[0].kind").value("CLAIM"))
                .andExpect(jsonPath("$.decisionTimes[0].step").value(1))
                .andExpect(jsonPath("$.decisionTimes[0].decided").value(1));

        mvc.perform(get("/").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, fixture.username(manager))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"chart-team\""), containsString("等待审批公司"),
                        containsString("400.00"))));
    }

    @Test
    void aManagerChoosesTheMonthsOfTheTeamsEarningsAndANonsensePeriodIsRefused() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long manager = fixture.payee("期间经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long member = fixture.payee("期间销售");
        jdbc.update("update person set manager_id = ? where id = ?", manager, member);
        fixture.line(member, RuleCode.R1, "300.00", LocalDate.of(2025, 11, 3));
        fixture.line(member, RuleCode.R1, "80.00", LocalDate.of(2026, 4, 2));

        mvc.perform(get("/api/v1/me/dashboard").param("from", "2025-10").param("to", "2026-03")
                        .with(SignedIn.as(accounts, fixture.username(manager))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teamMonths", hasSize(6)))
                .andExpect(jsonPath("$.teamMonths[0]").value("2025-10"))
                .andExpect(jsonPath("$.teamEarnings", hasSize(1)))
                .andExpect(jsonPath("$.teamEarnings[0].month").value("2025-11"))
                .andExpect(jsonPath("$.teamEarnings[0].amount").value("300.00"))
                .andExpect(jsonPath("$.costShare").doesNotExist());
        mvc.perform(get("/").param("from", "2025-10").param("to", "2026-03").header("Accept-Language", "zh-CN")
                        .with(SignedIn.as(accounts, fixture.username(manager))))
                .andExpect(content().string(allOf(containsString("团队应得奖金（2025-10 至 2026-03）"),
                        containsString("id=\"team-filter\""))));
        mvc.perform(get("/api/v1/me/dashboard").param("from", "2026-07").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, fixture.username(manager))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    private Claim submit(long salesperson, String client) {
        return claims.submit(new ClaimFacts(ClientCodes.fresh(), client, "DASH-" + ClientCodes.fresh(),
                LocalDate.of(2026, 6, 10), new BigDecimal("12000.00"), 12, false, false, null), salesperson,
                "dashboard-test").orRefuse();
    }
}
