package com.bonusdesk.payouts;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** When a build ends: a failure is put on the run in plain words, and the build's lease is given back. */
@Slf4j
@Component
@RequiredArgsConstructor
class PayoutRunListener implements JobExecutionListener {

    static final String SYSTEM = "system";

    /** The failure of a build stopped at a chunk boundary because its instance was shutting down. */
    static final String STOPPED = "payout.failure.stopped";

    private final PayoutRunRepository runs;
    private final BuildLeases leases;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getJobParameters().getLong(PayoutRunJob.RUN_ID);
        try {
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                if (execution.getStatus() == BatchStatus.STOPPED) {
                    log.info("The build of payout run {} stopped at a chunk boundary", runId);
                } else {
                    execution.getAllFailureExceptions().forEach(failure ->
                            log.error("Building payout run {} failed", runId, failure));
                }
                String reason = reason(execution);
                transactions.executeWithoutResult(status -> runs.findById(runId)
                        .filter(run -> run.getStatus() == PayoutRunStatus.BUILDING)
                        .ifPresent(run -> {
                            run.failed(reason);
                            runs.flush();
                            events.publishEvent(PayoutRunChanged.of(SYSTEM, run, PayoutRunStatus.BUILDING, reason));
                        }));
            }
        } finally {
            leases.release(runId);
        }
    }

    /** The failure in words a finance clerk can act on, as a message key. */
    static String reason(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return STOPPED;
        }
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
                    return "payout.failure.database";
                }
            }
        }
        return "payout.failure.unexpected";
    }
}
