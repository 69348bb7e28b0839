package com.bonusdesk.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.DemoMode;
import com.bonusdesk.calculation.PlanKind;

/**
 * In demo mode, a shipped plan whose version ends (R4 runs one year, as its seed says; so does the key-account
 * plan) is followed by the same plan for the next year, published as the system, so that the demo keeps working
 * when the year turns: at start-up and every night, up to a year ahead. Production publishes its own versions.
 */
@Slf4j
@Component
@Order(5)
@RequiredArgsConstructor
class DemoPlans implements ApplicationRunner {

    private static final String SYSTEM = "system";

    private final DemoMode demoMode;
    private final StoredPlanVersionRepository versions;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** At start-up; this and the nightly run hold one transaction, as {@link #extend} is called on this object. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demoMode.isEnabled()) {
            extend();
        }
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "demo-plans", lockAtLeastFor = "PT1M")
    @Transactional
    public void nightly() {
        if (demoMode.isEnabled()) {
            extend();
        }
    }

    /** Publishes next year's version of every plan whose latest version ends within a year; returns them. */
    @Transactional
    public List<StoredPlanVersion> extend() {
        // two instances starting together extend once: the second sees what the first published
        jdbc.query("select pg_advisory_xact_lock(hashtextextended('demo-plans', 0))", row -> { });
        LocalDate horizon = LocalDate.now(clock).plusYears(1);
        List<StoredPlanVersion> published = new ArrayList<>();
        for (PlanKind kind : PlanKind.values()) {
            Optional<StoredPlanVersion> latest = versions.findFirstByKindAndStatusOrderByNumberDesc(kind,
                    StoredPlanVersion.Status.PUBLISHED);
            while (latest.isPresent() && latest.get().getValidTo() != null
                    && latest.get().getValidTo().isBefore(horizon)) {
                StoredPlanVersion next = versions.saveAndFlush(latest.get().followingYear(
                        versions.highestNumber(kind) + 1, SYSTEM, clock.instant()));
                events.publishEvent(new PlanChanged(SYSTEM, next.getId(), PlanAdministration.label(next),
                        PlanChanged.Change.PUBLISHED, null, next.describe()));
                log.info("Demo mode: published {} v{} from {} to {}", kind, next.getNumber(), next.getValidFrom(),
                        next.getValidTo());
                published.add(next);
                latest = Optional.of(next);
            }
        }
        return published;
    }
}
