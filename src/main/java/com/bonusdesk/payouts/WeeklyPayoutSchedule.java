package com.bonusdesk.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.bonusdesk.calendar.CompanyCalendar;
import com.bonusdesk.refusal.Refusal;

/**
 * Builds each week's run by itself on the week's last working day, from the company calendar: a holiday
 * Friday moves it to Thursday, a make-up Saturday to Saturday. It checks once a day at the configured time;
 * a week that already has a run keeps it.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class WeeklyPayoutSchedule {

    private final PayoutRuns runs;
    private final CompanyCalendar calendar;
    private final Clock clock;

    @Scheduled(cron = "${bonusdesk.payouts.cron:0 0 17 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "weekly-payout-run", lockAtLeastFor = "PT1M")
    void daily() {
        runIfPayoutDay();
    }

    /** The run started today, if today is the last working day of its week and the week has no run yet. */
    Optional<PayoutRun> runIfPayoutDay() {
        LocalDate today = LocalDate.now(clock);
        if (!calendar.snapshot().lastWorkingDayOfWeek(today).map(today::equals).orElse(false)) {
            return Optional.empty();
        }
        try {
            log.info("Building the payout run of the week of {}", today);
            return Optional.of(runs.start(today, PayoutRunListener.SYSTEM));
        } catch (Refusal.WrongState e) {
            log.info("The payout run of the week of {} was not started: {} {}", today, e.messageKey(), e.properties());
            return Optional.empty();
        }
    }
}
