package com.bonusdesk.home;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finance's home page and dashboard figures on real PostgreSQL: each plan's budget for the period holding the
 * test clock's 15 June 2026 against what the period's runs spent, projected to the month's end at that pace, and
 * the weekly runs in order.
 */
@IntegrationTest
class FinanceDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

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
}
