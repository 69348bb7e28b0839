package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.referrals.Referral;
import com.bonusdesk.referrals.ReferralFacts;
import com.bonusdesk.referrals.ReferralService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** HR's home page and dashboard figures on real PostgreSQL: the referral queue with deadlines, decisions by month. */
@IntegrationTest
class HrDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ReferralService referrals;

    @Autowired
    PersonService people;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hrSeesTheQueueWithDeadlinesAndTheMonthsDecisionsWithReasons() throws Exception {
        long sales = people.findByUsername("sales2").orElseThrow().getId();
        long hr = people.findByUsername("hr1").orElseThrow().getId();
        Referral rejected = file(sales, "看板驳回公司");
        referrals.decide(rejected.getId(), hr, false, "合同未盖章", "hr1");
        file(sales, "看板待审公司");

        String json = mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, "hr1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<Long> oldestWaiting = referrals.waitingFor(hr, PageRequest.of(0, 10)).getContent().stream()
                .map(Referral::getId).toList();
        assertThat(oldestWaiting).as("the application just filed waits").isNotEmpty();
        List<Number> queuedIds = JsonPath.read(json, "$.referralQueue[*].id");
        assertThat(queuedIds).extracting(Number::longValue).as("the first page of the queue at /hr/referrals")
                .containsExactlyInAnyOrderElementsOf(oldestWaiting);
        long first = oldestWaiting.get(0);
        List<Map<String, Object>> queued = JsonPath.read(json, "$.referralQueue[?(@.id == " + first + ")]");
        assertThat(queued).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("deadline", jdbc.queryForObject("select deadline::text from referral where id = ?",
                        String.class, first))
                .containsEntry("link", "/referrals/" + first));
        List<String> months = JsonPath.read(json, "$.decisionMonths");
        assertThat(months).hasSize(12).last().isEqualTo("2026-06");
        List<Map<String, Object>> reasons = JsonPath.read(json,
                "$.referralDecisions[?(@.month == '2026-06' && @.status == 'REJECTED' && @.reason == '合同未盖章')]");
        assertThat(reasons).singleElement().satisfies(row -> assertThat(((Number) row.get("decided")).longValue())
                .isPositive());

        mvc.perform(get("/").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "hr1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/referrals/" + first), containsString("合同未盖章"),
                        containsString("id=\"chart-referral-decisions\""))));
    }

    private Referral file(long referrer, String client) {
        String code = ClientCodes.fresh();
        return referrals.file(new ReferralFacts(code, client, "HT-DASH-" + code.substring(10), LocalDate.of(2026, 6, 10),
                new BigDecimal("250000.00"), new BigDecimal("600000.00"), Relationship.NONE, null), referrer, "sales2")
                .referral();
    }
}
