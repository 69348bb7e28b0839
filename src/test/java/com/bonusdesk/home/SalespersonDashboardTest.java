package com.bonusdesk.home;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.plans.BonusRules;
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
 * A salesperson's home page and {@code GET /api/v1/me/dashboard} on real PostgreSQL: what the ledger holds for them
 * by month and rule over the last twelve months (the test clock's June 2026 the last), their R3 progress, and only
 * their own figures.
 */
@IntegrationTest
class SalespersonDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    BonusRules rules;

    @Test
    void theDashboardShowsTheLedgerByMonthAndRuleAndTheNextTier() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long payee = fixture.payee("看板销售");
        fixture.line(payee, RuleCode.R1, "1500.00", LocalDate.of(2026, 5, 10));
        fixture.line(payee, RuleCode.R2, "500.00", LocalDate.of(2026, 5, 10));
        fixture.line(payee, RuleCode.R1, "200.00", LocalDate.of(2026, 6, 1));
        fixture.line(payee, RuleCode.R1, "-50.00", LocalDate.of(2026, 6, 3));
        fixture.line(payee, RuleCode.R1, "999.00", LocalDate.of(2025, 6, 30));
        String username = fixture.username(payee);
        // other tests publish plan versions on the shared database: the first tier pays what the version in force says
        String firstTier = rules.calculator().monthlyCountProgress(YearMonth.of(2026, 6), 0).orElseThrow().gain()
                .toPlainString();

        mvc.perform(get("/api/v1/me/dashboard").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, username)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months", hasSize(12)))
                .andExpect(jsonPath("$.months[0]").value("2025-07"))
                .andExpect(jsonPath("$.months[11]").value("2026-06"))
                .andExpect(jsonPath("$.earnedByMonth", hasSize(3)))
                .andExpect(jsonPath("$.earnedByMonth[0].month").value("2026-05"))
                .andExpect(jsonPath("$.earnedByMonth[0].rule").value("R1"))
                .andExpect(jsonPath("$.earnedByMonth[0].ruleName").value("New-client bonus"))
                .andExpect(jsonPath("$.earnedByMonth[0].amount").value("1500.00"))
                .andExpect(jsonPath("$.earnedByMonth[1].rule").value("R2"))
                .andExpect(jsonPath("$.earnedByMonth[1].amount").value("500.00"))
                .andExpect(jsonPath("$.earnedByMonth[2].month").value("2026-06"))
                .andExpect(jsonPath("$.earnedByMonth[2].amount").value("150.00"))
                .andExpect(jsonPath("$.paidByMonth", hasSize(0)))
                .andExpect(jsonPath("$.tierProgress.month").value("2026-06"))
                .andExpect(jsonPath("$.tierProgress.clients").value(0))
                .andExpect(jsonPath("$.tierProgress.more").value(1))
                .andExpect(jsonPath("$.tierProgress.gain").value(firstTier))
                .andExpect(jsonPath("$.inProgress", hasSize(0)));

        mvc.perform(get("/").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, username)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"chart-earned\""),
                        containsString("id=\"table-earned\""), containsString("1,500.00"),
                        containsString("本月再增加 1 个新客户即可达到下一档"), containsString("/webjars/echarts/"))));
    }

    @Test
    void theFiguresAreTheCallersOwnAndNeedASignIn() throws Exception {
        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, "manager1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.earnedByMonth").doesNotExist());
        mvc.perform(get("/api/v1/me/dashboard"))
                .andExpect(status().isUnauthorized());
    }
}
