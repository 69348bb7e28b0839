package com.bonusdesk.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.customerreferrals.CustomerReferral;
import com.bonusdesk.customerreferrals.CustomerReferralService;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The director's dashboard on real PostgreSQL over a seeded quarter (April to June 2026, the test clock's 15 June
 * being its last month) narrowed to one new manager's team, so that no other test's data counts: a claim approved
 * and collected, then partly refunded (a clawback), another salesperson's lines including a negative one, and
 * customer referrals at every stage. Every figure is checked against the ledger and the collections.
 */
@IntegrationTest
class DirectorDashboardTest {

    private static final AtomicLong MOBILES = new AtomicLong(System.nanoTime() % 100_000_000L);

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

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
    CustomerReferralService customerReferrals;

    @Test
    void aDirectorSeesCostAgainstMoneyNewClientsTheFunnelAndTheRankingOfATeamForAQuarter() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long manager = fixture.payee("季度经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long first = fixture.payee("季度销售甲");
        long second = fixture.payee("季度销售乙");
        jdbc.update("update person set manager_id = ? where id in (?, ?)", manager, first, second);

        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "季度新客户", "Q2-" + ClientCodes.fresh(),
                LocalDate.of(2026, 4, 10), new BigDecimal("12000.00"), 12, false, false, null), first,
                "director-test").orRefuse();
        claims.decide(claim.getId(), manager, true, null, fixture.username(manager));
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 4, 20), new BigDecimal("10000.00"),
                "Q2-IN-" + claim.getId(), "finance1");
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 5, 5), new BigDecimal("-2000.00"),
                "Q2-REFUND-" + claim.getId(), "finance1");
        fixture.line(second, RuleCode.R4, "500.00", LocalDate.of(2026, 5, 12));
        fixture.line(second, RuleCode.R1, "-50.00", LocalDate.of(2026, 6, 3));
        customerReferral(first, fixture, null, false);
        customerReferral(first, fixture, null, true);
        customerReferral(second, fixture, manager, true);

        Map<String, BigDecimal> cost = new TreeMap<>();
        Map<Long, BigDecimal> earned = new TreeMap<>();
        for (long person : List.of(first, second)) {
            for (Ledger.Line line : ledger.linesOfPayee(person, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30))) {
                cost.merge(YearMonth.from(line.earnedOn()).toString(), line.amount(), BigDecimal::add);
                earned.merge(person, line.amount(), BigDecimal::add);
            }
        }
        assertThat(ledger.linesOfPayee(first, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)))
                .as("the refund clawed back 10% of the money refunded")
                .anySatisfy(line -> assertThat(line.amount()).isEqualByComparingTo("-200.00"));

        String json = mvc.perform(get("/api/v1/me/dashboard").param("from", "2026-04").param("to", "2026-06")
                        .param("team", String.valueOf(manager)).with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period.from").value("2026-04"))
                .andExpect(jsonPath("$.period.team").value(manager))
                .andExpect(jsonPath("$.companyMonths[0]").value("2026-04"))
                .andExpect(jsonPath("$.companyMonths[2]").value("2026-06"))
                .andReturn().getResponse().getContentAsString();

        List<Map<String, Object>> costShare = JsonPath.read(json, "$.costShare");
        assertThat(costShare).extracting(row -> row.get("month")).containsExactly("2026-04", "2026-05", "2026-06");
        for (Map<String, Object> row : costShare) {
            assertThat(new BigDecimal((String) row.get("cost"))).as("cost of %s as the ledger has it", row.get("month"))
                    .isEqualByComparingTo(cost.getOrDefault((String) row.get("month"), BigDecimal.ZERO));
        }
        assertThat(costShare.get(0)).containsEntry("collected", "10000.00");
        assertThat(costShare.get(1)).containsEntry("collected", "-2000.00").containsEntry("sharePercent", null);
        assertThat(costShare.get(2)).containsEntry("collected", "0.00");
        assertThat(new BigDecimal((String) costShare.get(0).get("sharePercent"))).isEqualByComparingTo(
                cost.get("2026-04").multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("10000.00"), 1,
                        RoundingMode.HALF_UP));

        List<Integer> won = JsonPath.read(json, "$.newClients[*].clients");
        assertThat(won).containsExactly(1, 0, 0);
        assertThat((Map<String, Object>) JsonPath.read(json, "$.customerReferralFunnel"))
                .containsEntry("registered", 3).containsEntry("dealsSigned", 2).containsEntry("rewardsApproved", 1)
                .containsEntry("rewardsPaid", 0);
        List<Map<String, Object>> ranking = JsonPath.read(json, "$.ranking");
        assertThat(ranking).extracting(row -> row.get("person")).containsExactly("季度销售甲", "季度销售乙");
        assertThat(ranking).extracting(row -> new BigDecimal((String) row.get("amount")))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(earned.get(first), earned.get(second));
        assertThat(ranking).extracting(row -> row.get("rank")).containsExactly(1, 2);
        List<String> teams = JsonPath.read(json, "$.teams[*].manager");
        assertThat(teams).contains("季度经理");

        mvc.perform(get("/").param("from", "2026-04").param("to", "2026-06").param("team", String.valueOf(manager))
                        .header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"table-cost-share\""),
                        containsString("激励成本与回款对比"), containsString("季度销售甲"), containsString("id=\"chart-funnel\""),
                        containsString("data-figures=\"{&quot;"))));
    }

    @Test
    void aPeriodThatMakesNoSenseIsRefusedWithTheFieldAtFault() throws Exception {
        mvc.perform(get("/api/v1/me/dashboard").param("from", "2026-05").param("to", "2026-04")
                        .header("Accept-Language", "en").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("The period starts (2026-05) after it ends (2026-04)."));
        mvc.perform(get("/api/v1/me/dashboard").param("from", "2024-01").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/me/dashboard").param("to", "2026-07").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/me/dashboard").param("to", "July").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        long salesperson = jdbc.queryForObject("select id from person where username = 'sales1'", Long.class);
        mvc.perform(get("/api/v1/me/dashboard").param("team", String.valueOf(salesperson))
                        .header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.errors[0].message").value("请从列表中选择一位经理的团队。"));
    }

    @Test
    void onlyADirectorGetsTheCompanysFigures() throws Exception {
        for (String someone : List.of("sales1", "manager1", "finance1", "hr1")) {
            mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, someone)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.costShare").doesNotExist())
                    .andExpect(jsonPath("$.ranking").doesNotExist());
        }
        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.companyMonths.length()").value(12))
                .andExpect(jsonPath("$.companyMonths[11]").value("2026-06"));
    }

    /**
     * A customer referral registered by {@code registrant} at a first visit on the test clock's day: only
     * registered, with a deal signed (not yet paid in full), or, given the registrant's {@code manager}, paid in
     * full and approved by them and a general manager.
     */
    private void customerReferral(long registrant, PayoutFixture fixture, Long manager, boolean deal) {
        String actor = fixture.username(registrant);
        CustomerReferral referral = customerReferrals.register(new CustomerReferral.FirstVisit("来访客户", mobile(),
                "老业主", mobile(), "HT-OLD-1", PropertyType.RESIDENTIAL, Relationship.NONE, TODAY), registrant, actor)
                .referral();
        if (deal) {
            customerReferrals.recordDeal(referral.getId(), new CustomerReferral.Deal("HT-DIR-" + referral.getId(), TODAY,
                    new BigDecimal("1000000.00"), PropertyType.RESIDENTIAL, manager != null, "农业银行",
                    "6228480000000000001"), registrant, actor);
        }
        if (manager != null) {
            customerReferrals.decide(referral.getId(), true, null, manager, fixture.username(manager));
            long director = jdbc.queryForObject("select id from person where username = 'director1'", Long.class);
            customerReferrals.decide(referral.getId(), true, null, director, "director1");
        }
    }

    private static String mobile() {
        return "139" + String.format("%08d", MOBILES.incrementAndGet() % 100_000_000L);
    }
}
