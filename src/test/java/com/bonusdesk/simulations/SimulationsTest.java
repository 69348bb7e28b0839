package com.bonusdesk.simulations;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.claims.MonthlyCountBonus;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plan simulation on real PostgreSQL over the last full quarter before the test clock's 15 June 2026 (January to
 * March), with claims collected and partly refunded in it: a draft identical to the version in force simulates to
 * the lines the ledger holds, a changed rate moves exactly the people it should, and a period that makes no sense
 * is refused.
 */
@IntegrationTest
class SimulationsTest {

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
    MonthlyCountBonus monthlyCount;

    @Test
    void aDraftLikeTheVersionInForceSimulatesToTheLedgerAndAChangedRateMovesExactlyItsPeople() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long manager = fixture.payee("模拟经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long atList = fixture.payee("模拟原价销售");
        long belowList = fixture.payee("模拟折扣销售");
        jdbc.update("update person set manager_id = ? where id in (?, ?)", manager, atList, belowList);
        Claim first = approvedClaim(atList, manager, fixture, LocalDate.of(2026, 2, 10), "12000.00", false);
        collect(first, LocalDate.of(2026, 2, 20), "10000.00");
        collect(first, LocalDate.of(2026, 3, 2), "-2000.00");
        Claim late = approvedClaim(atList, manager, fixture, LocalDate.of(2026, 3, 25), "3000.00", false);
        collect(late, LocalDate.of(2026, 4, 3), "3000.00");
        Claim discounted = approvedClaim(belowList, manager, fixture, LocalDate.of(2026, 1, 12), "8000.00", true);
        collect(discounted, LocalDate.of(2026, 1, 30), "8000.00");

        long draft = draftOf("NEW_CLIENT");
        // a draft copies the newest version, which another test may have published for a later date: this one
        // takes the rules of the version in force over the quarter
        jdbc.update("""
                update plan_version set rules = (select rules from plan_version where kind = 'NEW_CLIENT'
                    and status = 'PUBLISHED' and valid_from <= '2026-01-01' order by number desc limit 1)
                where id = ?""", draft);
        try {
            Map<String, Object> identical = simulate(draft);
            assertThat(identical).containsEntry("status", "DONE").containsEntry("from", "2026-01-01")
                    .containsEntry("to", "2026-03-31");
            assertThat(new BigDecimal((String) identical.get("total")))
                    .isEqualByComparingTo(new BigDecimal((String) identical.get("baseline")));
            assertThat(new BigDecimal((String) identical.get("baseline"))).as("the ledger's R1 lines of the quarter")
                    .isEqualByComparingTo(jdbc.queryForObject("""
                            select coalesce(sum(amount), 0) from earned_line
                            where plan_version like 'NEW_CLIENT v%' and earned_on between '2026-01-01' and '2026-03-31'
                            """, BigDecimal.class));
            assertThat((List<?>) identical.get("changes")).isEmpty();

            jdbc.update("update plan_version set rules = jsonb_set(rules, '{listPriceRate}', '0.12') where id = ?",
                    draft);
            Map<String, Object> raised = simulate(draft);
            // at list price: 10% of 10,000.00 collected, less 10% of 2,000.00 refunded = 800.00; the late order's
            // money came in April, outside the quarter; at 12% that is 960.00. The discounted sale keeps its 5%.
            List<Map<String, Object>> moved = JsonPath.read(raised, "$.changes[?(@.personId == " + atList + ")]");
            assertThat(moved).singleElement().satisfies(change -> assertThat(change)
                    .containsEntry("before", "800.00").containsEntry("after", "960.00")
                    .containsEntry("difference", "160.00"));
            assertThat((List<?>) JsonPath.read(raised, "$.changes[?(@.personId == " + belowList + ")]")).isEmpty();
            assertThat(((Number) raised.get("gainers")).intValue()).isPositive();
            assertThat(((Number) raised.get("losers")).intValue()).isZero();
            assertThat(new BigDecimal((String) raised.get("difference"))).isPositive();
            List<String> rules = JsonPath.read(raised, "$.byRule[*].key");
            assertThat(rules).containsOnly("R1");
            List<String> months = JsonPath.read(raised, "$.byMonth[*].key");
            assertThat(months).isSorted().allMatch(month -> month.compareTo("2026-01") >= 0
                    && month.compareTo("2026-03") <= 0);

            mvc.perform(get("/simulations/compare").param("ids", String.valueOf(identical.get("id")))
                            .param("ids", String.valueOf(raised.get("id"))).header("Accept-Language", "en")
                            .with(SignedIn.as(accounts, "finance1")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("listPriceRate"), containsString(">0.1<"),
                            containsString(">0.12<"), containsString("id=\"comparison-totals\""))));
            mvc.perform(get("/simulations").param("version", String.valueOf(draft))
                            .with(SignedIn.as(accounts, "admin1")))
                    .andExpect(content().string(allOf(containsString("data-simulation=\"" + identical.get("id")),
                            containsString("data-simulation=\"" + raised.get("id")))));
            mvc.perform(get("/simulations/compare").param("ids", String.valueOf(raised.get("id")))
                            .with(SignedIn.as(accounts, "admin1")))
                    .andExpect(status().isBadRequest());

            byte[] workbook = mvc.perform(get("/simulations/" + raised.get("id") + "/simulation.xlsx")
                            .header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "finance1")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("simulation-" + raised.get("id"))))
                    .andReturn().getResponse().getContentAsByteArray();
            try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
                assertThat(read.getSheets().map(Sheet::getName).toList())
                        .containsExactly("汇总", "每月成本", "按规则", "按团队（部门）", "人员");
                List<Row> people = read.getSheet(4).orElseThrow().read();
                assertThat(people).anySatisfy(row -> {
                    assertThat(row.getCellAsString(0)).contains("模拟原价销售");
                    assertThat(row.getCellAsNumber(1)).contains(new BigDecimal("800.00"));
                    assertThat(row.getCellAsNumber(2)).contains(new BigDecimal("960.00"));
                });
            }

            String page = mvc.perform(post("/simulations").param("versionId", String.valueOf(draft))
                            .with(SignedIn.as(accounts, "admin1")).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            mvc.perform(get(page).header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "admin1")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("模拟：新开客户奖励"), containsString("模拟原价销售"),
                            containsString("id=\"chart-simulation\""), containsString("人增加"))));
        } finally {
            mvc.perform(post("/admin/plans/versions/" + draft + "/discard").with(SignedIn.as(accounts, "admin1"))
                    .with(csrf()));
        }
    }

    @Test
    void everyReplayedPlansVersionInForceSimulatesToTheLedgerOverAClosedPeriod() throws Exception {
        // the nightly job computes each month's R3 lines; here nobody ran it for every month of the period
        for (YearMonth month = YearMonth.of(2025, 12); !month.isAfter(YearMonth.of(2026, 5)); month = month.plusMonths(1)) {
            monthlyCount.compute(month);
        }
        for (String plan : List.of("NEW_CLIENT", "ORDER_SIZE_TIER", "MONTHLY_COUNT_TIER", "SALES_REFERRAL",
                "CUSTOMER_REFERRAL")) {
            long inForce = jdbc.queryForObject("select id from plan_version where kind = ? and status = 'PUBLISHED'"
                    + " and valid_from <= '2026-01-01' order by number desc limit 1", Long.class, plan);
            String location = mvc.perform(post("/api/v1/plan-versions/" + inForce + "/simulations")
                            .contentType("application/json").content("{\"from\":\"2026-01-01\",\"to\":\"2026-05-31\"}")
                            .with(SignedIn.as(accounts, "finance1")))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
            Map<String, Object> simulated = JsonPath.read(mvc.perform(get(location)
                    .with(SignedIn.as(accounts, "finance1"))).andReturn().getResponse().getContentAsString(), "$");
            assertThat(simulated).as(plan).containsEntry("status", "DONE");
            assertThat(new BigDecimal((String) simulated.get("total"))).as(plan + " as the ledger has it")
                    .isEqualByComparingTo(jdbc.queryForObject("""
                            select coalesce(sum(amount), 0) from earned_line
                            where plan_version like ? and earned_on between '2026-01-01' and '2026-05-31'""",
                            BigDecimal.class, plan + " v%"));
        }
    }

    @Test
    void plansAreListedForAdministratorsAndFinanceAndAPeriodThatMakesNoSenseIsRefused() throws Exception {
        mvc.perform(get("/api/v1/plans").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.plan == 'NEW_CLIENT')].versions[0].status").exists());
        mvc.perform(get("/api/v1/plans").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
        long published = jdbc.queryForObject("select min(id) from plan_version where kind = 'SALES_REFERRAL'",
                Long.class);

        mvc.perform(post("/api/v1/plan-versions/" + published + "/simulations").contentType("application/json")
                        .content("{\"from\":\"2026-03-01\",\"to\":\"2026-02-01\"}").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("The period starts (2026-03-01) after it ends (2026-02-01)."));
        mvc.perform(post("/api/v1/plan-versions/" + published + "/simulations").contentType("application/json")
                        .content("{\"from\":\"2026-06-01\",\"to\":\"2026-07-01\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(post("/api/v1/plan-versions/" + published + "/simulations").contentType("application/json")
                        .content("{\"from\":\"2024-01-01\",\"to\":\"2026-03-31\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(post("/api/v1/plan-versions/" + published + "/simulations").contentType("application/json")
                        .content("{\"from\":\"March\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest());
        jdbc.update("""
                insert into plan_simulation (plan_version_id, from_day, to_day, rules, status, requested_by, requested_at)
                select id, date '2026-01-01', date '2026-03-31', rules, 'RUNNING', 'admin1', now()
                from plan_version where id = ?""", published);
        try {
            mvc.perform(post("/api/v1/plan-versions/" + published + "/simulations").contentType("application/json")
                            .content("{}").header("Accept-Language", "en").with(SignedIn.as(accounts, "finance1")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value("A simulation of this version is running already."))
                    .andExpect(jsonPath("$.simulationId").isNumber());
        } finally {
            jdbc.update("delete from plan_simulation where plan_version_id = ? and status = 'RUNNING'", published);
        }
        mvc.perform(post("/api/v1/plan-versions/999999/simulations").contentType("application/json").content("{}")
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/plan-versions/" + published + "/simulations").contentType("application/json")
                        .content("{}").with(SignedIn.as(accounts, "hr1")))
                .andExpect(status().isForbidden());
    }

    private Map<String, Object> simulate(long version) throws Exception {
        String location = mvc.perform(post("/api/v1/plan-versions/" + version + "/simulations")
                        .contentType("application/json").content("{}").with(SignedIn.as(accounts, "admin1")))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getHeader("Location");
        return JsonPath.read(mvc.perform(get(location).with(SignedIn.as(accounts, "admin1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }

    private long draftOf(String plan) throws Exception {
        String location = mvc.perform(post("/admin/plans/" + plan + "/draft").with(SignedIn.as(accounts, "admin1"))
                .with(csrf())).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Claim approvedClaim(long salesperson, long manager, PayoutFixture fixture, LocalDate ordered,
            String amount, boolean belowList) {
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "模拟客户", "SIM-" + ClientCodes.fresh(),
                ordered, new BigDecimal(amount), 12, belowList, false, null), salesperson, "simulation-test").orRefuse();
        claims.decide(claim.getId(), manager, true, null, fixture.username(manager));
        return claim;
    }

    private void collect(Claim claim, LocalDate received, String amount) {
        collections.record(claim.getOrderNumber(), received, new BigDecimal(amount),
                "SIM-" + claim.getId() + "-" + received, "finance1");
    }
}
