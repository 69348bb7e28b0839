package com.bonusdesk.payouts;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the application shuts down, the builds running in this instance stop at their next chunk boundary
 * instead of dying halfway through one: after the web server has finished its requests in flight (so that
 * no request starts a build behind it), before the database connections close. A build stopped this way
 * is resumed by the next instance that starts ({@link StoppedBuilds}); one that does not reach a boundary
 * in time is cut off as by a crash, and resumes as after one.
 * <p>
 * The build's own thread ends its step ({@link #atChunkEnd}): Spring Batch's {@code JobOperator.stop} writes the
 * step's record from the stopping thread while the build's thread writes it at the end of its chunk, and one of
 * the two then fails on the record's version (spring-batch#5484), which would turn a clean stop into a failure.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class BuildShutdown implements SmartLifecycle {

    /** How long a chunk may take to end: one chunk moves at most {@code chunk-size} lines in one statement. */
    private static final Duration CHUNK_END = Duration.ofSeconds(25);

    private final BuildLeases leases;
    private final Set<Long> stopAsked = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (long runId : leases.heldHere()) {
            log.info("Stopping the build of payout run {} at its next chunk: the application is shutting down", runId);
            stopAsked.add(runId);
        }
        try {
            if (!leases.awaitNoneHeld(CHUNK_END)) {
                log.warn("Builds still running at shutdown: {}; they resume as after a crash", leases.heldHere());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the build of {@code runId} has been asked to stop here. */
    boolean isStopAsked(long runId) {
        return stopAsked.contains(runId);
    }

    /** At the end of each chunk, in the build's own thread: a build asked to stop ends its step before the next. */
    void atChunkEnd(StepExecution step, long runId) {
        if (isStopAsked(runId)) {
            step.setTerminateOnly();
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
