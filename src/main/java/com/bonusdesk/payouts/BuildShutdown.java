package com.bonusdesk.payouts;

import java.time.Duration;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the application shuts down, the builds running in this instance stop at their next chunk boundary
 * instead of dying halfway through one: after the web server has finished its requests in flight (so that
 * no request starts a build behind it), before the database connections close. A build stopped this way
 * is resumed by the next instance that starts ({@link StoppedBuilds}); one that does not reach a boundary
 * in time is cut off as by a crash, and resumes as after one.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class BuildShutdown implements SmartLifecycle {

    /** How long a chunk may take to end: one chunk moves at most {@code chunk-size} lines in one statement. */
    private static final Duration CHUNK_END = Duration.ofSeconds(25);

    private final BuildLeases leases;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (long runId : leases.heldHere()) {
            JobExecution execution = jobRepository.getLastJobExecution(PayoutRunJob.NAME, PayoutRunJob.parameters(runId));
            if (execution != null && execution.isRunning()) {
                log.info("Stopping the build of payout run {} at its next chunk: the application is shutting down", runId);
                try {
                    jobOperator.stop(execution);
                } catch (JobExecutionNotRunningException e) {
                    log.debug("The build of payout run {} ended meanwhile", runId);
                }
            }
        }
        try {
            if (!leases.awaitNoneHeld(CHUNK_END)) {
                log.warn("Builds still running at shutdown: {}; they resume as after a crash", leases.heldHere());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;
    }
}
