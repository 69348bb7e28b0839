package com.bonusdesk.payouts;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Payout runs as finance, a director and a payee use them: the screens, the API and the payout sheet. */
@IntegrationTest
@TestPropertySource(properties = "bonusdesk.payouts.chunk-size=3")
class PayoutRunWebTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 8);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutRuns runs;

    PayoutFixture fixture;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        fixture = new PayoutFixture(jdbc, ledger);
        fixture.forgetAllLinesAndRuns();
    }

    @Test
    void financeBuildsTheWeekOnTheRunsPageAndOnlyFinanceAndDirectorsSeeRuns() throws Exception {
        long payee = fixture.payee("张伟");
        fixture.line(payee, RuleCode.R1, "80.00", MONDAY);

        String location = mvc.perform(post("/payouts").param("weekOf", "2026-06-10").with(csrf())
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(flash().attribute("success", "payout.started"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(SignedIn.as(accounts, "director1")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("发放批次 2026-W24")))
                .andExpect(content().string(containsString("待审批")))
                .andExpect(content().string(containsString("张伟")))
                .andExpect(content().string(containsString("id=\"approve\"")));
        mvc.perform(post("/payouts").param("weekOf", "2026-06-14").with(csrf()).with(SignedIn.as(accounts, "finance1")))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("failure", "payout.exists"));
        mvc.perform(post("/payouts").param("weekOf", "").with(csrf()).with(SignedIn.as(accounts, "finance1")))
                .andExpect(flash().attribute("failure", "payout.weekOf.required"));
        mvc.perform(get("/payouts").with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("2026-W24")))
                .andExpect(content().string(containsString("Waiting for approval")));
        mvc.perform(get("/payouts").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
        mvc.perform(post("/payouts").param("weekOf", "2026-06-10").with(csrf()).with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theBuilderCannotApproveAndARejectionNeedsAReasonOnTheRunPage() throws Exception {
        fixture.line(fixture.payee("李娜"), RuleCode.R1, "10.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "director1");

        mvc.perform(post("/payouts/" + run.getId() + "/decision").param("decision", "APPROVE").with(csrf())
                        .with(SignedIn.as(accounts, "director1")))
                .andExpect(flash().attribute("failure", "payout.ownRun"));
        jdbc.update("update payout_run set built_by = 'finance1' where id = ?", run.getId());
        mvc.perform(post("/payouts/" + run.getId() + "/decision").param("decision", "REJECT").param("reason", " ")
                        .with(csrf()).with(SignedIn.as(accounts, "director1")))
                .andExpect(flash().attribute("failure", "payout.reject.reasonRequired"));
        mvc.perform(post("/payouts/" + run.getId() + "/decision").param("decision", "APPROVE").with(csrf())
                        .with(SignedIn.as(accounts, "director1")))
                .andExpect(flash().attribute("success", "payout.approved"));
        mvc.perform(post("/payouts/" + run.getId() + "/decision").param("decision", "REJECT").param("reason", "late")
                        .with(csrf()).with(SignedIn.as(accounts, "director1")))
                .andExpect(flash().attribute("failure", "payout.alreadyDecided"));
        mvc.perform(post("/payouts/" + run.getId() + "/payment").param("paidOn", "2026-06-30").with(csrf())
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(flash().attribute("failure", "payout.paidOn.range"));
        mvc.perform(post("/payouts/" + run.getId() + "/payment").param("paidOn", "2026-06-15").with(csrf())
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(flash().attribute("success", "payout.paid"));
    }

    @Test
    void theApiBuildsOnceAWeekAndNamesTheRunThatIsThere() throws Exception {
        fixture.line(fixture.payee("陈杰"), RuleCode.R2, "50.00", MONDAY);

        String body = mvc.perform(post("/api/v1/payout-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekOf\": \"2026-06-09\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.week").value("2026-W24"))
                .andExpect(jsonPath("$.total").value(50.00))
                .andExpect(jsonPath("$.byRule.R2").value(50.00))
                .andExpect(jsonPath("$.progress.percent").value(100))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/payout-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekOf\": \"2026-06-14\"}").with(SignedIn.as(accounts, "finance1"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.runId").value(id))
                .andExpect(jsonPath("$.detail").value(containsString("2026-W24")));
        mvc.perform(post("/api/v1/payout-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekOf\": \"20266-06-14\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/payout-runs").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weekOf"));
        mvc.perform(post("/api/v1/payout-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekOf\": \"2026-06-09\"}").with(SignedIn.as(accounts, "sales1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payout-runs/" + id).with(SignedIn.as(accounts, "sales1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payout-runs/" + id + "/sheet.csv").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/payout-runs/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Only the payout approver role decides payout runs."));
        mvc.perform(post("/api/v1/payout-runs/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"REJECT\"}").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/payout-runs/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("director1"));
        mvc.perform(post("/api/v1/payout-runs/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isConflict());
    }

    @Test
    void theBuilderIsToldWhyTheyCannotDecideTheirRun() throws Exception {
        fixture.line(fixture.payee("周涛"), RuleCode.R1, "5.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "director1");

        mvc.perform(post("/api/v1/payout-runs/" + run.getId() + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}").with(SignedIn.as(accounts, "director1"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("You built this run")));
    }

    @Test
    void theSheetAddsUpToTheRunAndNeverCarriesAFormula() throws Exception {
        long zhang = fixture.payee("张伟");
        long trick = fixture.payee("=HYPERLINK(\"http://evil\",\"x\")");
        long owing = fixture.payee("王五");
        fixture.line(zhang, RuleCode.R1, "80.00", MONDAY);
        fixture.line(zhang, RuleCode.R2, "50.00", MONDAY);
        fixture.line(trick, RuleCode.R3, "100.00", MONDAY);
        fixture.line(trick, RuleCode.R1, "-20.00", MONDAY);
        fixture.line(owing, RuleCode.R1, "-30.00", MONDAY);
        PayoutRun run = approved(runs.start(MONDAY, "finance1"));

        MockHttpServletResponse xlsx = mvc.perform(get("/payouts/" + run.getId() + "/sheet.xlsx")
                        .with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("payout-2026-W24.xlsx")))
                .andReturn().getResponse();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Payees", "Lines");
            List<Row> payees = sheets.get(0).read();
            int totalColumn = 5 + RuleCode.values().length;
            assertThat(payees.get(0).getCellAsString(totalColumn)).contains("Total");
            assertThat(payees).hasSize(4);
            Row totals = payees.get(3);
            assertThat(totals.getCellAsString(1)).contains("Total");
            assertThat(totals.getCellAsNumber(totalColumn)).contains(run.getTotal());
            assertThat(payees.subList(1, 3).stream().map(row -> row.getCellAsNumber(totalColumn).orElseThrow())
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(run.getTotal());
            assertThat(payees.subList(1, 3)).extracting(row -> row.getCellAsString(1).orElseThrow())
                    .containsExactlyInAnyOrder("张伟", "'=HYPERLINK(\"http://evil\",\"x\")");
            List<Row> lines = sheets.get(1).read();
            assertThat(lines).hasSize(5);
            assertThat(lines.subList(1, lines.size()).stream().map(row -> row.getCellAsNumber(6).orElseThrow())
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("210.00");
        }
        assertThat(run.getTotal()).isEqualByComparingTo("210.00");

        byte[] csv = mvc.perform(get("/api/v1/payout-runs/" + run.getId() + "/sheet.csv")
                        .with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("姓名", "张伟", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
                .doesNotContain("王五").contains(",210.00\r\n");
        String lines = mvc.perform(get("/payouts/" + run.getId() + "/lines.csv").with(SignedIn.as(accounts, "finance1"))
                        .header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(lines.lines()).hasSize(5);
        assertThat(lines).contains("New-client bonus", "-20.00");
    }

    @Test
    void aSheetBeforeApprovalSendsFinanceBackToTheRun() throws Exception {
        fixture.line(fixture.payee("赵敏"), RuleCode.R1, "5.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "finance1");

        mvc.perform(get("/payouts/" + run.getId() + "/sheet.xlsx").with(SignedIn.as(accounts, "finance1")))
                .andExpect(redirectedUrl("/payouts/" + run.getId()))
                .andExpect(flash().attribute("failure", "payout.notExportable"));
        mvc.perform(get("/payouts/" + run.getId() + "/sheet.xlsx").with(SignedIn.as(accounts, "director1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPaidRunPutsItsRunAndDateOnEveryLineAndGivesThePayeeTheirStatement() throws Exception {
        long payee = fixture.payee("孙丽");
        fixture.line(payee, RuleCode.R1, "80.00", MONDAY);
        fixture.line(payee, RuleCode.R2, "50.00", MONDAY.plusDays(1));
        PayoutRun run = approved(runs.start(MONDAY, "finance1"));
        String username = fixture.username(payee);

        mvc.perform(get("/api/v1/me/bonus-lines").with(SignedIn.as(accounts, username)))
                .andExpect(jsonPath("$[0].payoutRunId").value(nullValue()));
        mvc.perform(post("/api/v1/payout-runs/" + run.getId() + "/payment").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paidOn\": \"2026-07-01\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paidOn"));
        mvc.perform(post("/api/v1/payout-runs/" + run.getId() + "/payment").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paidOn\": \"2026-06-15\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));

        mvc.perform(get("/api/v1/me/bonus-lines").with(SignedIn.as(accounts, username)))
                .andExpect(jsonPath("$[0].payoutRunId").value(run.getId()))
                .andExpect(jsonPath("$[1].paidOn").value("2026-06-15"));
        mvc.perform(get("/bonus").param("month", "2026-06").with(SignedIn.as(accounts, username))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Paid on Jun 15, 2026 (run 2026-W24)")))
                .andExpect(content().string(containsString("My payout statement 2026-W24")));
        mvc.perform(get("/payouts/" + run.getId() + "/statement").with(SignedIn.as(accounts, username)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("130.00")));
        String statement = mvc.perform(get("/payouts/" + run.getId() + "/statement.csv")
                        .with(SignedIn.as(accounts, username)).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(statement).contains("New-client bonus", "80.00", "Order-size bonus", "130.00");
        mvc.perform(get("/payouts/" + run.getId() + "/statement").with(SignedIn.as(accounts, "sales2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payout-runs/" + run.getId() + "/statement").with(SignedIn.as(accounts, username)))
                .andExpect(jsonPath("$.total").value(130.00));
    }

    @Test
    void aPartnerIsPaidToTheBankAccountThatOnlyThePayoutSheetShowsInFull() throws Exception {
        String username = "partner-" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/users").with(csrf()).with(SignedIn.as(accounts, "admin1")).header("Accept-Language", "en")
                        .param("username", username).param("displayName", "钱合伙").param("password", "partner-password")
                        .param("roles", "PARTNER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("enter the bank")))
                .andExpect(content().string(containsString("enter the account number")));
        mvc.perform(post("/admin/users").with(csrf()).with(SignedIn.as(accounts, "admin1"))
                        .param("username", username).param("displayName", "钱合伙").param("password", "partner-password")
                        .param("bankName", "中国工商银行苏州分行").param("bankAccount", "6222 0212 3456 7890")
                        .param("roles", "PARTNER"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/users").param("q", username).with(SignedIn.as(accounts, "admin1")))
                .andExpect(content().string(containsString("**** 7890")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("6222021234567890"))));

        String body = mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON)
                        .with(SignedIn.as(accounts, username)).content("""
                                {"clientCode": "%s", "clientName": "昆山周庄织造有限公司", "contractNumber": "HT-P-1",
                                 "signedDate": "2026-06-10", "contractAmount": "250000", "clientAnnualSales": "600000",
                                 "relationship": "NONE"}""".formatted(com.bonusdesk.support.ClientCodes.fresh())))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long referral = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/referrals/" + referral + "/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}").with(SignedIn.as(accounts, "hr1")))
                .andExpect(status().isOk());

        assertThat(runs.start(MONDAY, "finance1").getTotal()).as("a referral is paid after its month ends")
                .isEqualByComparingTo("0.00");
        PayoutRun july = approved(runs.start(LocalDate.of(2026, 7, 1), "finance1"));
        String sheet = mvc.perform(get("/payouts/" + july.getId() + "/sheet.csv").with(SignedIn.as(accounts, "finance1")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sheet).contains(username + ",钱合伙,,中国工商银行苏州分行,6222021234567890,0.00,0.00,0.00,2500.00");
    }

    private PayoutRun approved(PayoutRun run) {
        return runs.decide(run.getId(), true, null, (PersonPrincipal) accounts.loadUserByUsername("director1"));
    }
}
