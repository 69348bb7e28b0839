package com.bonusdesk.payouts;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.bonusdesk.refusal.Refusal;

/**
 * Builds that an instance stopped because it was shutting down go on when an instance starts, this one after
 * its restart or another sharing the database, from the chunk where they stopped. A build that failed or was
 * cut off by a crash waits for finance, who can see why before resuming it.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class StoppedBuilds {

    private final PayoutRunRepository runs;
    private final PayoutRuns payoutRuns;

    @EventListener(ApplicationReadyEvent.class)
    void resumeAll() {
        for (PayoutRun run : runs.findByStatusAndFailure(PayoutRunStatus.FAILED, PayoutRunListener.STOPPED)) {
            try {
                payoutRuns.resume(run.getId(), PayoutRunListener.SYSTEM);
                log.info("Resumed the build of payout run {}, stopped by a shutdown", run.getId());
            } catch (Refusal.WrongState e) {
                log.info("The build of payout run {} was not resumed here: {}", run.getId(), e.messageKey());
            }
        }
    }
}
