package com.bonusdesk.payouts;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.GatherBlocker;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SecondInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Builds on the real background executor, as in production (the other tests build in the calling thread): builds
 * started together, a resume asked for while a build runs, and a build stopped by its instance's shutdown at a chunk
 * boundary, then resumed by the next instance that starts. Each build is held at one line by an open transaction,
 * so that what happens meanwhile does not depend on timing.
 */
@IntegrationTest
class BackgroundBuildTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 6, 12);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String SMALL_CHUNKS = "bonusdesk.payouts.chunk-size=10";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutRuns here;

    PayoutFixture fixture;
    List<Long> lines;

    @BeforeEach
    void aHundredLinesAndNoRuns() {
        fixture = new PayoutFixture(jdbc, ledger);
        fixture.forgetAllLinesAndRuns();
        long payee = fixture.payee("后台生成");
        lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(fixture.line(payee, RuleCode.R1, "10.00", FRIDAY.minusDays(3)));
        }
    }

    @Test
    void buildsStartedTogetherMakeOneRunAndAResumeDuringTheBuildIsBusy() throws Exception {
        try (ConfigurableApplicationContext instance = SecondInstance.on(dataSource, SMALL_CHUNKS);
             GatherBlocker blocker = GatherBlocker.at(dataSource.getConnection(), lines.get(54))) {
            PayoutRuns there = instance.getBean(PayoutRuns.class);

            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Object>> starts = List.of(1, 2).stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> startTogether(there, together))).toList();
            List<Object> answers = starts.stream().map(CompletableFuture::join).toList();

            assertThat(answers).filteredOn(PayoutRun.class::isInstance).hasSize(1);
            assertThat(answers).filteredOn(String.class::isInstance).containsExactly("payout.exists");
            long runId = answers.stream().filter(PayoutRun.class::isInstance).map(PayoutRun.class::cast)
                    .findFirst().orElseThrow().getId();

            blocker.awaitBuildWaiting(LIMIT);
            assertThat(refusal(() -> there.resume(runId, "finance1"))).as("resumed where it builds").isEqualTo("payout.busy");
            assertThat(refusal(() -> here.resume(runId, "finance1"))).as("resumed elsewhere").isEqualTo("payout.busy");
            assertThat(here.isInterrupted(here.find(runId).orElseThrow())).as("shown as interrupted").isFalse();
            assertThat(refusal(() -> here.start(FRIDAY, "finance1"))).isEqualTo("payout.exists");

            blocker.close();
            awaitBuilt(runId);
            assertEveryLineTakenOnce(runId);
        }
    }

    @Test
    void aShutdownStopsTheBuildAtAChunkBoundaryAndTheNextInstanceResumesIt() throws Exception {
        long runId;
        try (GatherBlocker blocker = GatherBlocker.at(dataSource.getConnection(), lines.get(54))) {
            ConfigurableApplicationContext instance = SecondInstance.on(dataSource, SMALL_CHUNKS);
            runId = instance.getBean(PayoutRuns.class).start(FRIDAY, "finance1").getId();
            blocker.awaitBuildWaiting(LIMIT);

            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(instance::close);
            awaitStopAsked(instance, runId);
            blocker.close();
            shutdown.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }

        PayoutRun stopped = here.find(runId).orElseThrow();
        assertThat(stopped.getStatus()).isEqualTo(PayoutRunStatus.FAILED);
        assertThat(stopped.getFailure()).isEqualTo(PayoutRunListener.STOPPED);
        assertThat(stopped.getLinesDone()).as("the chunk holding the blocked line finished, no other began").isEqualTo(60);
        assertThat(itemsOf(runId)).isEqualTo(60);

        try (ConfigurableApplicationContext next = SecondInstance.on(dataSource, SMALL_CHUNKS)) {
            awaitBuilt(runId);
            assertEveryLineTakenOnce(runId);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_type = 'PAYOUT_RUN' "
                    + "and subject_id = ? and actor = 'system' and reason = 'resumed'", Long.class, String.valueOf(runId)))
                    .as("the resumption is audited").isEqualTo(1);
        }
    }

    @Test
    void aLineAnotherBuildTakesAtTheSameMomentIsLeftToItAndTheBuildGoesOn() throws Exception {
        long taken = lines.get(54);
        CompletableFuture<PayoutRun> build;
        try (GatherBlocker otherBuild = GatherBlocker.at(dataSource.getConnection(), taken)) {
            build = CompletableFuture.supplyAsync(() -> here.start(FRIDAY, "finance1"));
            otherBuild.awaitBuildWaiting(LIMIT);
            otherBuild.commit();
        }
        long runId = build.get(LIMIT.toSeconds(), TimeUnit.SECONDS).getId();

        PayoutRun run = here.find(runId).orElseThrow();
        assertThat(run.getStatus()).isEqualTo(PayoutRunStatus.DRAFT);
        assertThat(run.getLineCount()).isEqualTo(99);
        assertThat(run.getTotal()).isEqualByComparingTo("990.00");
        assertThat(jdbc.queryForObject("select count(*) from payout_item where line_id = ? and state = 'IN_RUN'",
                Long.class, taken)).as("the line is in one run, the other's").isEqualTo(1);
    }

    private static Object startTogether(PayoutRuns runs, CyclicBarrier together) {
        try {
            together.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            return runs.start(FRIDAY, "finance1");
        } catch (Refusal.WrongState e) {
            return e.messageKey();
        }
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
            return "done";
        } catch (Refusal.WrongState e) {
            return e.messageKey();
        }
    }

    private void assertEveryLineTakenOnce(long runId) {
        PayoutRun run = here.find(runId).orElseThrow();
        assertThat(run.getStatus()).isEqualTo(PayoutRunStatus.DRAFT);
        assertThat(itemsOf(runId)).isEqualTo(100);
        assertThat(run.getLineCount()).isEqualTo(100);
        assertThat(run.getTotal()).isEqualByComparingTo("1000.00");
    }

    private long itemsOf(long runId) {
        return jdbc.queryForObject("select count(*) from payout_item where run_id = ?", Long.class, runId);
    }

    private void awaitBuilt(long runId) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (here.find(runId).orElseThrow().getStatus() != PayoutRunStatus.DRAFT) {
            assertThat(System.nanoTime()).as("the build ends").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** The stop is asked for in the job repository, where the build reads it at the end of its chunk. */
    private static void awaitStopAsked(ConfigurableApplicationContext instance, long runId) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!instance.getBean(BuildShutdown.class).isStopAsked(runId)) {
            assertThat(System.nanoTime()).as("the build is asked to stop").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
