package com.bonusdesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

import com.bonusdesk.claims.ClaimChanged;
import com.bonusdesk.payouts.PayoutRunChanged;
import com.bonusdesk.payouts.PayoutRuns;
import com.bonusdesk.payouts.PayoutSheetExported;
import com.bonusdesk.workflow.Approvals;

/**
 * The business metrics, under {@code bonusdesk_*}: counters fed by the events the features publish, and the queue
 * gauges read from the database every minute (the same on every instance, since the database is one).
 */
@Component
class BusinessMetrics {

    private final MeterRegistry registry;
    private final Approvals approvals;
    private final PayoutRuns runs;
    private final Clock clock;
    private final Map<String, long[]> queues = new ConcurrentHashMap<>();

    BusinessMetrics(MeterRegistry registry, Approvals approvals, PayoutRuns runs, Clock clock) {
        this.registry = registry;
        this.approvals = approvals;
        this.runs = runs;
        this.clock = clock;
    }

    @EventListener
    void on(ClaimChanged event) {
        if (event.from() == null) {
            Counter.builder("bonusdesk.claims.submitted").description("Claims submitted").register(registry)
                    .increment();
        } else if (List.of("APPROVED", "REJECTED").contains(event.to())) {
            Counter.builder("bonusdesk.claims.decided").description("Claims approved or rejected")
                    .tag("outcome", event.to()).register(registry).increment();
        }
    }

    @EventListener
    void on(PayoutRunChanged event) {
        if (!"BUILDING".equals(event.from()) || !"DRAFT".equals(event.to())) {
            return;
        }
        runs.find(event.runId()).filter(run -> run.getStartedAt() != null && run.getBuiltAt() != null)
                .ifPresent(run -> {
                    Timer.builder("bonusdesk.payout.build").description("Time to build a weekly payout run")
                            .register(registry).record(Duration.between(run.getStartedAt(), run.getBuiltAt()));
                    DistributionSummary.builder("bonusdesk.payout.lines").description("Lines in a built payout run")
                            .register(registry).record(run.getLineCount());
                });
    }

    @EventListener
    void on(PayoutSheetExported event) {
        Counter.builder("bonusdesk.payout.exports").description("Payout sheets exported")
                .tag("format", event.format()).register(registry).increment();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        Counter.builder("bonusdesk.signin.failures").description("Sign-ins refused for a wrong password")
                .register(registry).increment();
    }

    /** Every minute: how many items wait in each queue, and how long the oldest has waited. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT5S")
    void readQueues() {
        queues.values().forEach(values -> java.util.Arrays.fill(values, 0));
        approvals.queues().forEach(queue -> {
            long[] values = queues.computeIfAbsent(queue.subjectType(), type -> {
                long[] fresh = new long[2];
                Gauge.builder("bonusdesk.queue.waiting", fresh, value -> value[0]).tag("queue", type)
                        .description("Items waiting for a decision").register(registry);
                Gauge.builder("bonusdesk.queue.oldest.seconds", fresh, value -> value[1]).tag("queue", type)
                        .description("How long the oldest waiting item has waited").register(registry);
                return fresh;
            });
            values[0] = queue.waiting();
            values[1] = queue.oldestSince() == null ? 0
                    : Math.max(0, Duration.between(queue.oldestSince(), clock.instant()).toSeconds());
        });
    }
}
