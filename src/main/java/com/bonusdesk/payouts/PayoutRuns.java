package com.bonusdesk.payouts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.refusal.Refusal;

/**
 * The life of a weekly payout run: building it (in the background, by the batch job), resuming a build that
 * stopped, the approver's decision and the payment. Who may see and decide runs is {@link PayoutAccess}'s to say;
 * what a run adds up to is {@link PayoutReports}'.
 */
@Service
@RequiredArgsConstructor
public class PayoutRuns {

    private final PayoutRunRepository runs;
    private final BuildLeases leases;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job payoutRun;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final PayoutAccess access;
    private final PlanCatalogue plans;

    /** The Sunday ending the Monday–Sunday week that holds {@code anyDay}. */
    public static LocalDate weekEnding(LocalDate anyDay) {
        return anyDay.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /**
     * Starts building the run of the week holding {@code weekOf}; the build goes on in the background. A
     * week that has a run already (building, waiting, approved or paid) keeps it: building it again changes
     * nothing and says which run is there.
     */
    public PayoutRun start(LocalDate weekOf, String actor) {
        LocalDate weekEnding = weekEnding(weekOf);
        PayoutRun run;
        try {
            run = transactions.execute(status -> {
                runs.findLive(weekEnding).ifPresent(existing -> {
                    throw exists(existing);
                });
                PayoutRun saved = runs.saveAndFlush(new PayoutRun(weekEnding, actor, clock.instant()));
                events.publishEvent(PayoutRunChanged.of(actor, saved, null, null));
                return saved;
            });
        } catch (DataIntegrityViolationException e) {
            throw exists(runs.findLive(weekEnding).orElseThrow(() -> e));
        }
        if (!leases.acquire(run.getId())) {
            throw new Refusal.WrongState("payout.busy");
        }
        launch(run.getId(), null);
        return find(run.getId()).orElseThrow();
    }

    /**
     * Finance asks for the run of the week holding {@code weekOf}: refused for a week that has not begun, and for one
     * that ended before any plan was in force, which nothing can have been earned in.
     */
    public PayoutRun build(LocalDate weekOf, String actor) {
        if (weekEnding(weekOf).isAfter(weekEnding(LocalDate.now(clock)))) {
            throw new Refusal.NotEligible("FUTURE_WEEK", "payout.weekOf.future", weekOf.toString());
        }
        Optional<LocalDate> firstDay = plans.firstDayInForce();
        if (firstDay.isEmpty() || weekEnding(weekOf).isBefore(firstDay.get())) {
            throw new Refusal.NotEligible("BEFORE_PLANS", "payout.weekOf.beforePlans", weekOf.toString(),
                    firstDay.map(LocalDate::toString).orElse("-"));
        }
        return start(weekOf, actor);
    }

    /**
     * Resumes a build that failed or whose process died: the job goes on from the last chunk it committed,
     * and takes no line twice. Refused while someone is still building it.
     */
    public PayoutRun resume(long runId, String actor) {
        PayoutRun run = find(runId).orElseThrow(Refusal.NotFound::new);
        if (run.getStatus() != PayoutRunStatus.FAILED && run.getStatus() != PayoutRunStatus.BUILDING) {
            throw new Refusal.WrongState("payout.notResumable");
        }
        if (!leases.acquire(runId)) {
            throw new Refusal.WrongState("payout.busy");
        }
        JobExecution last;
        try {
            last = jobRepository.getLastJobExecution(PayoutRunJob.NAME, PayoutRunJob.parameters(runId));
            if (last != null && last.isRunning()) {
                last = jobOperator.recover(last);
            }
            transactions.executeWithoutResult(status -> {
                PayoutRun resumed = runs.findById(runId).orElseThrow();
                PayoutRunStatus from = resumed.getStatus();
                resumed.resumed();
                runs.flush();
                events.publishEvent(PayoutRunChanged.of(actor, resumed, from, "resumed"));
            });
        } catch (RuntimeException e) {
            leases.release(runId);
            throw e;
        }
        launch(runId, last);
        return find(runId).orElseThrow();
    }

    /** Runs the job for a run whose lease is held; the job gives the lease back when it ends. */
    private void launch(long runId, JobExecution previous) {
        try {
            if (previous == null) {
                jobOperator.start(payoutRun, PayoutRunJob.parameters(runId));
            } else {
                jobOperator.restart(previous);
            }
        } catch (Exception e) {
            leases.release(runId);
            throw new IllegalStateException("Could not launch the build of payout run " + runId, e);
        }
    }

    /** A build that says it is running while nobody holds its lease: its process died. */
    @Transactional(readOnly = true)
    public boolean isInterrupted(PayoutRun run) {
        return run.getStatus() == PayoutRunStatus.BUILDING && leases.isFree(run.getId());
    }

    /** The refusal of building a week that has its run: 409 naming the run, its id and status. */
    private static Refusal.WrongState exists(PayoutRun existing) {
        return new Refusal.WrongState("payout.exists", List.of(existing.label()),
                Map.of("runId", existing.getId(), "runStatus", existing.getStatus().name()));
    }

    /**
     * Approves or rejects a draft run. Rejecting needs a reason and frees the run's lines for the next run;
     * an approved run is frozen. Two decisions at once: the second is told the run was already decided.
     */
    @Transactional
    public PayoutRun decide(long runId, boolean approve, String reason, PersonPrincipal approver) {
        access.requireMaySeeRuns(approver);
        PayoutRun run = runs.findById(runId).orElseThrow(Refusal.NotFound::new);
        access.whyNotDecide(run, approver).ifPresent(why -> {
            throw new Refusal.NotPermitted(why);
        });
        PayoutRunStatus from = run.getStatus();
        if (approve) {
            run.approve(approver.getUsername(), reason, clock.instant());
        } else {
            run.reject(approver.getUsername(), reason, clock.instant());
        }
        try {
            runs.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState("payout.alreadyDecided");
        }
        if (!approve) {
            jdbc.update("update payout_item set state = ? where run_id = ? and state = 'IN_RUN'",
                    PayoutItemState.RELEASED.name(), runId);
        }
        events.publishEvent(PayoutRunChanged.of(approver.getUsername(), run, from, reason));
        return run;
    }

    /** Finance marks an approved run paid, on a day between its build and today. */
    @Transactional
    public PayoutRun pay(long runId, LocalDate paidOn, String actor) {
        PayoutRun run = runs.findById(runId).orElseThrow(Refusal.NotFound::new);
        LocalDate today = LocalDate.now(clock);
        LocalDate built = LocalDate.ofInstant(run.getStartedAt(), clock.getZone());
        if (paidOn.isAfter(today) || paidOn.isBefore(built)) {
            throw new Refusal.InvalidInput("paidOn", "payout.paidOn.range", built.toString(), today.toString());
        }
        access.whyNotMarkPaid(run, actor).ifPresent(why -> {
            throw new Refusal.NotPermitted(why);
        });
        PayoutRunStatus from = run.getStatus();
        run.pay(paidOn, actor, clock.instant());
        try {
            runs.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState("payout.notPayable");
        }
        events.publishEvent(PayoutRunChanged.of(actor, run, from, paidOn.toString()));
        return run;
    }

    /** The run of the week holding {@code anyDay} that is building, waiting, approved or paid, if any. */
    @Transactional(readOnly = true)
    public Optional<PayoutRun> liveRunOfWeek(LocalDate anyDay) {
        return runs.findLive(weekEnding(anyDay));
    }

    @Transactional(readOnly = true)
    public Optional<PayoutRun> find(long runId) {
        return runs.findById(runId);
    }
}
