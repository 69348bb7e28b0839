package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The weekly run on a real PostgreSQL, with chunks of three lines so that a build has several. The week of
 * 8–14 June 2026 (the tests' clock stands on Monday 15 June).
 */
@IntegrationTest
@TestPropertySource(properties = "bonusdesk.payouts.chunk-size=3")
class PayoutRunTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 8);
    static final LocalDate SUNDAY = LocalDate.of(2026, 6, 14);

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutReports reports;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    MockMvc mvc;

    PayoutFixture fixture;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        fixture = new PayoutFixture(jdbc, ledger);
        fixture.forgetAllLinesAndRuns();
    }

    @Test
    void aRunPaysEveryLineDueByTheEndOfItsWeekAndNothingElse() {
        long zhang = fixture.payee("张伟");
        long li = fixture.payee("李娜");
        long monday = fixture.line(zhang, RuleCode.R1, "80.00", MONDAY);
        long sunday = fixture.line(zhang, RuleCode.R2, "50.00", SUNDAY);
        long earlier = fixture.line(li, RuleCode.R3, "100.00", LocalDate.of(2026, 4, 1));
        long nextWeek = fixture.line(li, RuleCode.R1, "20.00", SUNDAY.plusDays(1));
        long referralThisMonth = fixture.line(li, RuleCode.R4, "2500.00", MONDAY);

        PayoutRun run = runs.start(MONDAY.plusDays(2), "finance1");

        assertThat(run.getStatus()).isEqualTo(PayoutRunStatus.DRAFT);
        assertThat(run.getWeekEnding()).isEqualTo(SUNDAY);
        assertThat(run.label()).isEqualTo("2026-W24");
        assertThat(linesIn(run)).containsExactlyInAnyOrder(monday, sunday, earlier);
        assertThat(run.getTotal()).isEqualByComparingTo("230.00");
        assertThat(run.getPayeeCount()).isEqualTo(2);
        assertThat(run.getLineCount()).isEqualTo(3);
        assertThat(run.getLinesDone()).isEqualTo(3);
        assertThat(run.getLinesTotal()).isEqualTo(3);
        assertThat(reports.byRule(run.getId())).containsEntry(RuleCode.R1, new BigDecimal("80.00"))
                .containsEntry(RuleCode.R2, new BigDecimal("50.00")).containsEntry(RuleCode.R3, new BigDecimal("100.00"));
        assertThat(ledger.linesOfPayee(zhang, MONDAY, SUNDAY)).allSatisfy(line -> {
            assertThat(line.settlement().runId()).isEqualTo(run.getId());
            assertThat(line.paid()).isFalse();
        });

        PayoutRun july = runs.start(LocalDate.of(2026, 7, 1), "finance1");
        assertThat(linesIn(july)).containsExactlyInAnyOrder(nextWeek, referralThisMonth);
    }

    @Test
    void buildingTheSameWeekAgainChangesNothingAndNamesTheRunThatIsThere() {
        long payee = fixture.payee("陈杰");
        fixture.line(payee, RuleCode.R1, "10.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "finance1");
        fixture.line(payee, RuleCode.R1, "15.00", MONDAY);

        assertThatThrownBy(() -> runs.start(SUNDAY, "finance1")).isInstanceOfSatisfying(Refusal.WrongState.class,
                e -> assertThat(e.properties()).containsEntry("runId", run.getId()));
        assertThat(runs.find(run.getId()).orElseThrow().getTotal()).isEqualByComparingTo("10.00");
        assertThat(jdbc.queryForObject("select count(*) from payout_run", Long.class)).isEqualTo(1);
    }

    @Test
    void aNegativeNetIsCarriedForwardAndNettedInTheNextRun() {
        long payee = fixture.payee("王五");
        long other = fixture.payee("赵六");
        long earned = fixture.line(payee, RuleCode.R1, "100.00", MONDAY);
        long clawback = fixture.line(payee, RuleCode.R2, "-300.00", MONDAY);
        fixture.line(other, RuleCode.R1, "40.00", MONDAY);

        PayoutRun first = runs.start(MONDAY, "finance1");

        assertThat(first.getTotal()).isEqualByComparingTo("40.00");
        assertThat(first.getPayeeCount()).isEqualTo(1);
        assertThat(first.getCarriedCount()).isEqualTo(1);
        assertThat(reports.payees(first.getId(), null, PageRequest.of(0, 10)).getContent())
                .extracting(PayoutReports.PayeeTotal::payeeId, PayoutReports.PayeeTotal::total, PayoutReports.PayeeTotal::carriedForward)
                .containsExactly(tuple(other, new BigDecimal("40.00"), false), tuple(payee, new BigDecimal("-200.00"), true));
        assertThat(ledger.linesOfPayee(payee, MONDAY, MONDAY)).allSatisfy(line -> assertThat(line.settlement()).isNull());

        long later = fixture.line(payee, RuleCode.R1, "500.00", SUNDAY.plusDays(3));
        PayoutRun second = runs.start(SUNDAY.plusDays(3), "finance1");

        assertThat(linesIn(second)).containsExactlyInAnyOrder(earned, clawback, later);
        assertThat(second.getTotal()).isEqualByComparingTo("300.00");
        assertThat(second.getCarriedCount()).isZero();
    }

    @Test
    void dashboardsShowACarriedForwardNetAsEarnedButNotPaidUntilARunPaysIt() throws Exception {
        long payee = fixture.payee("结转销售");
        long other = fixture.payee("其他销售");
        fixture.line(payee, RuleCode.R1, "100.00", LocalDate.of(2026, 6, 1));
        fixture.line(payee, RuleCode.R2, "-300.00", LocalDate.of(2026, 6, 1));
        fixture.line(other, RuleCode.R1, "40.00", LocalDate.of(2026, 6, 1));
        PayoutRun first = runs.start(LocalDate.of(2026, 6, 1), "finance1");
        runs.decide(first.getId(), true, null, principal("director1"));
        runs.pay(first.getId(), LocalDate.of(2026, 6, 15), "finance1");
        fixture.line(payee, RuleCode.R1, "500.00", LocalDate.of(2026, 6, 9));

        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, fixture.username(payee))))
                .andExpect(jsonPath("$.earnedByMonth[?(@.month == '2026-06' && @.rule == 'R1')].amount").value("600.00"))
                .andExpect(jsonPath("$.earnedByMonth[?(@.month == '2026-06' && @.rule == 'R2')].amount").value("-300.00"))
                .andExpect(jsonPath("$.paidByMonth", hasSize(0)));
        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, "finance1")))
                .andExpect(jsonPath("$.nextRun.weekEnding").value("2026-06-21"))
                .andExpect(jsonPath("$.nextRun.lines").value(3))
                .andExpect(jsonPath("$.nextRun.payees").value(1))
                .andExpect(jsonPath("$.nextRun.total").value("300.00"));

        PayoutRun second = runs.start(LocalDate.of(2026, 6, 9), "finance1");
        runs.decide(second.getId(), true, null, principal("director1"));
        runs.pay(second.getId(), LocalDate.of(2026, 6, 15), "finance1");

        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, fixture.username(payee))))
                .andExpect(jsonPath("$.paidByMonth", hasSize(1)))
                .andExpect(jsonPath("$.paidByMonth[0].month").value("2026-06"))
                .andExpect(jsonPath("$.paidByMonth[0].amount").value("300.00"));
        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, "finance1")))
                .andExpect(jsonPath("$.nextRun.lines").value(0))
                .andExpect(jsonPath("$.runs[?(@.id == " + second.getId() + ")].total").value("300.00"));
    }

    @Test
    void rejectingARunNeedsAReasonAndFreesItsLinesForTheNextRun() {
        long payee = fixture.payee("孙七");
        long line = fixture.line(payee, RuleCode.R1, "60.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "finance1");

        assertThatThrownBy(() -> runs.decide(run.getId(), false, " ", principal("director1")))
                .isInstanceOf(IllegalArgumentException.class);
        PayoutRun rejected = runs.decide(run.getId(), false, "Budget frozen this week", principal("director1"));

        assertThat(rejected.getStatus()).isEqualTo(PayoutRunStatus.REJECTED);
        assertThat(ledger.linesOfPayee(payee, MONDAY, MONDAY)).allSatisfy(l -> assertThat(l.settlement()).isNull());
        PayoutRun again = runs.start(MONDAY, "finance1");
        assertThat(linesIn(again)).containsExactly(line);
        assertThat(auditTrail.historyOf("PAYOUT_RUN", String.valueOf(run.getId())))
                .extracting(AuditEntry::getActor, AuditEntry::getBeforeState, AuditEntry::getAfterState, AuditEntry::getReason)
                .containsExactly(tuple("finance1", null, "BUILDING", null), tuple("finance1", "BUILDING", "DRAFT", null),
                        tuple("director1", "DRAFT", "REJECTED", "Budget frozen this week"));
    }

    @Test
    void nobodyApprovesARunThatPaysThemAndTheApproverDoesNotMarkItPaid() throws Exception {
        PersonPrincipal director = principal("director1");
        fixture.line(director.getId(), RuleCode.R1, "40.00", MONDAY);
        fixture.line(fixture.payee("吴九"), RuleCode.R1, "60.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "finance1");

        assertThatThrownBy(() -> runs.decide(run.getId(), true, null, director))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payout.paidByRun"));
        mvc.perform(get("/payouts/" + run.getId()).with(SignedIn.as(accounts, "director1"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("This run pays you: another approver decides it.")))
                .andExpect(content().string(not(containsString("id=\"approve\""))));

        PersonPrincipal otherDirector = principal(enrolledDirector());
        runs.decide(run.getId(), true, null, otherDirector);
        assertThatThrownBy(() -> runs.pay(run.getId(), LocalDate.of(2026, 6, 15), otherDirector.getUsername()))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payout.payerApproved"));
        assertThat(runs.pay(run.getId(), LocalDate.of(2026, 6, 15), "finance1").getPaidBy()).isEqualTo("finance1");
    }

    @Test
    void theBuilderCannotDecideTheirRunAndAnApprovedRunIsFrozenUntilPaid() {
        long payee = fixture.payee("周八");
        fixture.line(payee, RuleCode.R1, "70.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "director1");

        assertThatThrownBy(() -> runs.decide(run.getId(), true, null, principal("director1")))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payout.ownRun"));
        assertThatThrownBy(() -> runs.decide(run.getId(), true, null, principal("manager1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.decide(run.getId(), true, null, principal("finance1")))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payout.notApprover"));
        assertThatThrownBy(() -> runs.pay(run.getId(), MONDAY.plusDays(7), "finance1"))
                .isInstanceOfSatisfying(Refusal.WrongState.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payout.notPayable"));

        jdbc.update("update payout_run set built_by = 'finance1' where id = ?", run.getId());
        runs.decide(run.getId(), true, "OK", principal("director1"));
        assertThatThrownBy(() -> runs.decide(run.getId(), false, "changed my mind", principal("director1")))
                .isInstanceOfSatisfying(Refusal.WrongState.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payout.alreadyDecided"));
        assertThatThrownBy(() -> runs.pay(run.getId(), LocalDate.of(2026, 6, 16), "finance1"))
                .isInstanceOfSatisfying(Refusal.InvalidInput.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("paidOn"));

        PayoutRun paid = runs.pay(run.getId(), LocalDate.of(2026, 6, 15), "finance1");

        assertThat(paid.getStatus()).isEqualTo(PayoutRunStatus.PAID);
        assertThat(ledger.linesOfPayee(payee, MONDAY, MONDAY)).singleElement().satisfies(line -> {
            assertThat(line.payoutRunId()).isEqualTo(run.getId());
            assertThat(line.paidOn()).isEqualTo(LocalDate.of(2026, 6, 15));
        });
        assertThat(reports.statementsOf(payee)).singleElement()
                .satisfies(statement -> assertThat(statement.amount()).isEqualByComparingTo("70.00"));
    }

    @Test
    void aBuildThatFailsBetweenChunksResumesAndTakesEveryLineExactlyOnce() {
        List<Long> lines = tenLinesOfThreePayees();
        failWhenGathering(lines.get(6));

        PayoutRun failed = runs.start(MONDAY, "finance1");

        assertThat(failed.getStatus()).isEqualTo(PayoutRunStatus.FAILED);
        assertThat(failed.getFailure()).isEqualTo("payout.failure.unexpected");
        assertThat(failed.getLinesDone()).isEqualTo(6);
        assertThat(failed.getLinesTotal()).isEqualTo(10);
        assertThat(failed.percentDone()).isEqualTo(60);
        assertThat(linesIn(failed)).hasSize(6);

        jdbc.execute("drop trigger fail_gathering on payout_item");
        PayoutRun resumed = runs.resume(failed.getId(), "finance1");

        assertThat(resumed.getStatus()).isEqualTo(PayoutRunStatus.DRAFT);
        assertThat(linesIn(resumed)).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(resumed.getLinesDone()).isEqualTo(10);
        assertThat(resumed.getTotal()).isEqualByComparingTo("550.00");
    }

    @Test
    void aBuildLeftRunningByAProcessThatDiedIsSeenAsInterruptedAndResumes() {
        List<Long> lines = tenLinesOfThreePayees();
        failWhenGathering(lines.get(3));
        PayoutRun run = runs.start(MONDAY, "finance1");
        jdbc.execute("drop trigger fail_gathering on payout_item");
        // what a killed process leaves behind: the run and its job execution still "running"
        jdbc.update("update payout_run set status = 'BUILDING', failure = null where id = ?", run.getId());
        jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null");
        jdbc.update("update batch_step_execution set status = 'STARTED', end_time = null where status = 'FAILED'");

        assertThat(runs.isInterrupted(runs.find(run.getId()).orElseThrow())).isTrue();
        PayoutRun resumed = runs.resume(run.getId(), "finance1");

        assertThat(resumed.getStatus()).isEqualTo(PayoutRunStatus.DRAFT);
        assertThat(linesIn(resumed)).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(resumed.getTotal()).isEqualByComparingTo("550.00");
        assertThat(runs.isInterrupted(resumed)).isFalse();
    }

    @Test
    void twoBuildsOfOneWeekStartedAtOnceMakeOneRun() throws Exception {
        tenLinesOfThreePayees();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return runs.start(MONDAY, "finance1");
                } catch (Refusal.WrongState e) {
                    return e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<Object> attempt : attempts) {
            outcomes.add(attempt.get());
        }

        assertThat(outcomes).filteredOn(PayoutRun.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome instanceof Refusal.WrongState refusal
                && refusal.messageKey().equals("payout.exists")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from payout_run", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from payout_item", Long.class)).isEqualTo(10);
    }

    @Test
    void eachPlanIsShownAgainstItsBudgetForThePeriodAndOverspendingIsFlagged() {
        jdbc.update("update plan_version set budget_amount = 100.00, budget_period = 'MONTH' where kind = 'NEW_CLIENT'");
        try {
            long payee = fixture.payee("郑十");
            fixture.line(payee, RuleCode.R1, "60.00", MONDAY);
            fixture.line(payee, RuleCode.R2, "50.00", MONDAY);
            PayoutRun first = runs.start(MONDAY, "finance1");

            assertThat(reports.byPlan(first)).extracting(PayoutReports.PlanSpend::plan, PayoutReports.PlanSpend::inRun,
                            PayoutReports.PlanSpend::spentInPeriod, PayoutReports.PlanSpend::overBudget)
                    .containsExactly(tuple(PlanKind.NEW_CLIENT, new BigDecimal("60.00"), new BigDecimal("60.00"), false),
                            tuple(PlanKind.ORDER_SIZE_TIER, new BigDecimal("50.00"), new BigDecimal("0.00"), false));

            fixture.line(payee, RuleCode.R1, "50.00", SUNDAY.plusDays(2));
            PayoutRun second = runs.start(SUNDAY.plusDays(2), "finance1");

            assertThat(reports.byPlan(second)).first().satisfies(spend -> {
                assertThat(spend.inRun()).isEqualByComparingTo("50.00");
                assertThat(spend.spentInPeriod()).isEqualByComparingTo("110.00");
                assertThat(spend.budget().from()).isEqualTo(LocalDate.of(2026, 6, 1));
                assertThat(spend.overBudget()).isTrue();
            });
        } finally {
            jdbc.update("update plan_version set budget_amount = null, budget_period = null where kind = 'NEW_CLIENT'");
        }
    }

    @Test
    void theDatabaseRefusesALineInTwoRuns() {
        long payee = fixture.payee("吴九");
        long line = fixture.line(payee, RuleCode.R1, "10.00", MONDAY);
        PayoutRun run = runs.start(MONDAY, "finance1");
        PayoutRun other = runs.start(SUNDAY.plusDays(7), "finance1");

        assertThatThrownBy(() -> jdbc.update(
                "insert into payout_item (run_id, line_id, payee_id, state) values (?, ?, ?, 'IN_RUN')",
                other.getId(), line, payee))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(linesIn(run)).containsExactly(line);
    }

    private List<Long> tenLinesOfThreePayees() {
        long[] payees = {fixture.payee("甲"), fixture.payee("乙"), fixture.payee("丙")};
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(fixture.line(payees[i % 3], RuleCode.R1, (10 * (i + 1)) + ".00", MONDAY));
        }
        return lines;
    }

    /** Makes the build fail at the chunk that gathers {@code lineId}, as a lost connection would. */
    private void failWhenGathering(long lineId) {
        jdbc.execute("""
                create or replace function fail_gathering() returns trigger language plpgsql as $$
                begin
                    if new.line_id = %d then raise exception 'the database went away'; end if;
                    return new;
                end $$""".formatted(lineId));
        jdbc.execute("create trigger fail_gathering before insert on payout_item for each row execute function fail_gathering()");
    }

    private List<Long> linesIn(PayoutRun run) {
        return jdbc.queryForList("select line_id from payout_item where run_id = ? and state = 'IN_RUN'", Long.class,
                run.getId());
    }

    /** A second general manager, who also works in finance, so that they see runs and may pay them. */
    private String enrolledDirector() throws Exception {
        String username = "gm" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                .param("username", username).param("displayName", username).param("password", "password-1")
                .param("roles", "DIRECTOR", "FINANCE"));
        return username;
    }

    private PersonPrincipal principal(String username) {
        return (PersonPrincipal) accounts.loadUserByUsername(username);
    }
}
