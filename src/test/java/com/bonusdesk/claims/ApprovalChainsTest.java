package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.workflow.Progress;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R6: a claim's approval chain depends on the bonus estimated at submission. Up to 2,000.00 the submitter's
 * manager decides alone; above it a general manager approves as well, and never the person who took the first
 * step.
 */
@IntegrationTest
class ApprovalChainsTest {

    /** Every item of a queue, on one page. */
    private static final Pageable QUEUE = Pageable.unpaged();

    private static final AtomicInteger SEQUENCE = new AtomicInteger(61000);

    /** R1 10% of 15,000.00 plus the R2 tier bonus of 500.00: exactly the threshold. */
    private static final String AT_THRESHOLD = "15000.00";

    /** R1 10% of 15,000.10 = 1,500.01, plus 500.00: one cent above the threshold. */
    private static final String JUST_ABOVE = "15000.10";

    @Autowired
    ClaimService claims;

    @Autowired
    PersonService people;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClaimUpToTheThresholdIsDecidedByTheManagerAlone() {
        Claim claim = submit(AT_THRESHOLD);

        Progress progress = claims.progressOf(claim.getId());
        assertThat(progress.steps()).singleElement().satisfies(step -> {
            assertThat(step.approver()).isEqualTo("SUBMITTERS_MANAGER");
            assertThat(step.amount()).isEqualByComparingTo("2000.00");
            assertThat(step.open()).isTrue();
        });

        Claim decided = claims.decide(claim.getId(), id("manager1"), true, null, "manager1");

        assertThat(decided.getStatus()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claims.progressOf(claim.getId()).nextStep()).isNull();
        assertThat(claims.progressOf(claim.getId()).approvals()).singleElement().satisfies(approval -> {
            assertThat(approval.decidedBy()).isEqualTo("manager1");
            assertThat(approval.decision()).isEqualTo("APPROVED");
        });
    }

    @Test
    void aboveTheThresholdAGeneralManagerApprovesAfterTheManager() {
        Claim claim = submit(JUST_ABOVE);
        assertThat(claims.progressOf(claim.getId()).steps()).extracting(Progress.Step::approver)
                .containsExactly("SUBMITTERS_MANAGER", "DIRECTOR");
        assertThat(claims.waitingFor(id("manager1"), QUEUE)).extracting(Claim::getId).contains(claim.getId());

        Claim afterManager = claims.decide(claim.getId(), id("manager1"), true, "价格正常", "manager1");

        assertThat(afterManager.getStatus()).as("one step of two").isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claims.progressOf(claim.getId()).nextStep()).isEqualTo(new Progress.NextStep(2, "DIRECTOR"));
        assertThat(claims.waitingFor(id("manager1"), QUEUE)).extracting(Claim::getId).doesNotContain(claim.getId());
        assertThat(claims.waitingFor(id("director1"), QUEUE)).extracting(Claim::getId).contains(claim.getId());
        assertThatThrownBy(() -> claims.decide(claim.getId(), id("manager1"), true, null, "manager1"))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("claim.notYourDecision"));
        assertThatThrownBy(() -> claims.decide(claim.getId(), id("sales1"), true, null, "sales1"))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("claim.ownClaim"));

        Claim approved = claims.decide(claim.getId(), id("director1"), true, null, "director1");

        assertThat(approved.getStatus()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claims.progressOf(claim.getId()).approvals()).extracting(Progress.Approval::decidedBy,
                Progress.Approval::decision).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("manager1", "APPROVED"),
                        org.assertj.core.groups.Tuple.tuple("director1", "APPROVED"));
        assertThat(claims.timelineOf(claim.getId())).extracting(TimelineEvent::getActor, TimelineEvent::getToStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sales1", "SUBMITTED"),
                        org.assertj.core.groups.Tuple.tuple("manager1", "STEP_APPROVED"),
                        org.assertj.core.groups.Tuple.tuple("director1", "APPROVED"));
        assertThat(auditTrail.historyOf("CLAIM", String.valueOf(claim.getId()))).extracting(AuditEntry::getAction)
                .containsExactly("CLAIM_SUBMITTED", "CLAIM_STEP_APPROVED", "CLAIM_APPROVED");
    }

    @Test
    void aRejectionAtTheFirstStepEndsTheChain() {
        Claim claim = submit(JUST_ABOVE);

        claims.decide(claim.getId(), id("manager1"), false, "不是新客户", "manager1");

        assertThat(claims.visibleTo(claim.getId(), id("sales1")).orElseThrow().getStatus())
                .isEqualTo(ClaimStatus.REJECTED);
        assertThat(claims.progressOf(claim.getId()).nextStep()).isNull();
        assertThat(claims.waitingFor(id("director1"), QUEUE)).extracting(Claim::getId).doesNotContain(claim.getId());
        assertThatThrownBy(() -> claims.decide(claim.getId(), id("director1"), true, null, "director1"))
                .isInstanceOf(Refusal.WrongState.class);
    }

    @Test
    void nobodyTakesTwoStepsOfOneChain() throws Exception {
        Claim claim = submit(JUST_ABOVE);
        long secondDirector = enrol("director" + SEQUENCE.incrementAndGet(), "DIRECTOR");
        claims.decide(claim.getId(), id("director1"), true, null, "director1");

        assertThatThrownBy(() -> claims.decide(claim.getId(), id("director1"), true, null, "director1"))
                .as("director1 took the manager's step, as a manager above sales1")
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("claim.notYourDecision"));
        assertThat(claims.waitingFor(id("director1"), QUEUE)).extracting(Claim::getId).doesNotContain(claim.getId());

        assertThat(claims.waitingFor(secondDirector, QUEUE)).extracting(Claim::getId).contains(claim.getId());
        assertThat(claims.decide(claim.getId(), secondDirector, true, null, "director2").getStatus())
                .isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void ofTwoApproversTakingOneStepAtOnceTheSecondIsToldItWasDecided() throws Exception {
        Claim claim = submit(JUST_ABOVE);
        enrol("director" + SEQUENCE.incrementAndGet(), "DIRECTOR");
        CountDownLatch firstDecided = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
            firstDecided.countDown();
            await(mayCommit);
        }));
        assertThat(firstDecided.await(10, TimeUnit.SECONDS)).isTrue();
        long waitingBefore = sessionsWaitingOnALock();
        CompletableFuture<Claim> second = CompletableFuture.supplyAsync(
                () -> claims.decide(claim.getId(), id("director1"), true, null, "director1"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (sessionsWaitingOnALock() <= waitingBefore && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(sessionsWaitingOnALock()).as("the second decision waits for the first").isGreaterThan(waitingBefore);
        mayCommit.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(second).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingRootCause().isInstanceOfSatisfying(Refusal.WrongState.class,
                        e -> assertThat(e.messageKey()).isEqualTo("claim.alreadyDecided"));
        assertThat(claims.progressOf(claim.getId()).approvals()).extracting(Progress.Approval::decidedBy)
                .containsExactly("manager1", null);
    }

    @Test
    void theApiCarriesTheChainAndRefusesADecisionOutOfTurn() throws Exception {
        Claim claim = submit(JUST_ABOVE);
        String location = "/api/v1/claims/" + claim.getId();
        mvc.perform(get(location).with(httpBasic("sales1", "demo1234")))
                .andExpect(jsonPath("$.approvals.length()").value(2))
                .andExpect(jsonPath("$.approvals[0].step").value(1))
                .andExpect(jsonPath("$.approvals[0].role").value("SUBMITTERS_MANAGER"))
                .andExpect(jsonPath("$.approvals[0].decidedBy").doesNotExist())
                .andExpect(jsonPath("$.approvals[1].role").value("DIRECTOR"))
                .andExpect(jsonPath("$.nextStep.step").value(1));
        decide(location, "manager1").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.approvals[0].decidedBy").value("manager1"))
                .andExpect(jsonPath("$.approvals[0].decision").value("APPROVED"))
                .andExpect(jsonPath("$.nextStep.step").value(2))
                .andExpect(jsonPath("$.nextStep.role").value("DIRECTOR"));

        decide(location, "manager1").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").exists());
        decide(location, "hr1").andExpect(status().isNotFound());
        decide(location, "director1").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[1].decidedBy").value("director1"))
                .andExpect(jsonPath("$.nextStep").isEmpty());
    }

    private org.springframework.test.web.servlet.ResultActions decide(String location, String username)
            throws Exception {
        return mvc.perform(post(location + "/decision").with(httpBasic(username, "demo1234"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVE\"}"));
    }

    private long sessionsWaitingOnALock() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", Long.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Never told to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Claim submit(String orderAmount) {
        return claims.submit(new ClaimFacts(ClientCodes.fresh(), "审批链公司", "CHAIN-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 10), new BigDecimal(orderAmount), 12, false, false, null), id("sales1"), "sales1")
                .orRefuse();
    }

    private long enrol(String username, String role) throws Exception {
        mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                .param("username", username).param("displayName", username).param("password", "password-1")
                .param("employeeNumber", "E6" + SEQUENCE.incrementAndGet()).param("roles", role));
        return id(username);
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
