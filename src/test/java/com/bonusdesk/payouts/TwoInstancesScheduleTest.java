package com.bonusdesk.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.calendar.CompanyCalendar;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SecondInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database reach the week's payout day together: the week gets one run, built once, every
 * line taken once (the second instance builds on its real background executor, as in production).
 */
@IntegrationTest
class TwoInstancesScheduleTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 6, 12);

    @Autowired
    DataSource dataSource;

    @Autowired
    PayoutRuns runs;

    @Autowired
    CompanyCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    PayoutFixture fixture;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        fixture = new PayoutFixture(jdbc, ledger);
        fixture.forgetAllLinesAndRuns();
    }

    @Test
    void theWeeksScheduleOnBothInstancesBuildsOneRun() throws Exception {
        long payee = fixture.payee("双实例");
        for (int i = 0; i < 25; i++) {
            fixture.line(payee, RuleCode.R1, "10.00", FRIDAY.minusDays(3));
        }
        try (ConfigurableApplicationContext second = SecondInstance.on(dataSource)) {
            Clock friday = Clock.fixed(FRIDAY.atTime(17, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                    ZoneId.of("Asia/Shanghai"));
            WeeklyPayoutSchedule here = new WeeklyPayoutSchedule(runs, calendar, friday);
            WeeklyPayoutSchedule there = new WeeklyPayoutSchedule(second.getBean(PayoutRuns.class),
                    second.getBean(CompanyCalendar.class), friday);

            CyclicBarrier start = new CyclicBarrier(2);
            List<Optional<PayoutRun>> started = List.of(here, there).stream()
                    .map(schedule -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return schedule.runIfPayoutDay();
                    })).toList().stream().map(CompletableFuture::join).toList();

            assertThat(started).filteredOn(Optional::isPresent).hasSize(1);
            long runId = started.stream().flatMap(Optional::stream).findFirst().orElseThrow().getId();
            awaitBuilt(runId);
            assertThat(jdbc.queryForObject("select count(*) from payout_run", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from payout_item where run_id = ?", Long.class, runId))
                    .as("every line taken once").isEqualTo(25);
            assertThat(runs.find(runId).orElseThrow().getTotal()).isEqualByComparingTo("250.00");
        }
    }

    /** The second instance builds in the background: wait for the build to end, at most half a minute. */
    private void awaitBuilt(long runId) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (runs.find(runId).orElseThrow().getStatus() == PayoutRunStatus.BUILDING) {
            assertThat(System.nanoTime()).as("the build ends").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
