package com.bonusdesk.referrals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.ReasonCode;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.refusal.Refusal;

/**
 * Reminders of referrals a referrer checked and means to file before R4's deadline (15 working days after the
 * contract's signing): listed on their home page with the working days left, and told once, two working days
 * before the deadline, unless they filed it by then. The company calendar counts the days.
 */
@Service
@RequiredArgsConstructor
public class ReferralReminders {

    /** How many working days before the deadline the referrer is told. */
    static final int NOTICE_WORKING_DAYS = 2;

    /** A reminder is done once its referrer filed for the client (a cancelled application does not count). */
    private static final String NOT_FILED = """
            not exists (select 1 from referral r where r.referrer_id = m.person_id and r.client_code = m.client_code
                        and r.status <> 'CANCELLED')""";

    private final JdbcTemplate jdbc;
    private final BonusRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A referral still to file, with its deadline and the working days left until it. */
    public record Upcoming(long id, String clientCode, String clientName, LocalDate signedDate, LocalDate deadline,
            int workingDaysLeft) {
    }

    /**
     * Remembers that {@code personId} means to file a referral for {@code facts}' client (once per client: asking
     * again updates it); refused when no referral plan covers the signing date or the deadline has passed.
     */
    @Transactional
    public Upcoming remind(long personId, ReferralFacts facts) {
        LocalDate today = LocalDate.now(clock);
        BonusCalculator calculator = rules.calculator();
        LocalDate deadline = calculator.referralDeadline(facts.signedDate())
                .orElseThrow(() -> new Refusal.NotEligible(ReasonCode.OUTSIDE_PLAN_WINDOW.name(),
                        "referral.reminder.noPlan", facts.signedDate().toString()));
        if (deadline.isBefore(today)) {
            throw new Refusal.NotEligible(ReasonCode.LATE_APPLICATION.name(), "referral.reminder.late",
                    deadline.toString());
        }
        long id = jdbc.queryForObject("""
                insert into referral_reminder (person_id, client_code, client_name, signed_date, deadline, created_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (person_id, client_code) do update set client_name = excluded.client_name,
                    signed_date = excluded.signed_date, deadline = excluded.deadline, noticed_at = null
                returning id""", Long.class, personId, facts.clientCode(), facts.clientName(), facts.signedDate(),
                deadline, Timestamp.from(clock.instant()));
        return new Upcoming(id, facts.clientCode(), facts.clientName(), facts.signedDate(), deadline,
                calculator.workingDaysLeft(today, deadline));
    }

    /** {@code personId}'s referrals still to file whose deadline has not passed, the nearest first. */
    @Transactional(readOnly = true)
    public List<Upcoming> upcoming(long personId) {
        LocalDate today = LocalDate.now(clock);
        BonusCalculator calculator = rules.calculator();
        return jdbc.query("select m.id, m.client_code, m.client_name, m.signed_date, m.deadline from referral_reminder m"
                        + " where m.person_id = ? and m.deadline >= ? and " + NOT_FILED + " order by m.deadline, m.id",
                (row, number) -> {
                    LocalDate deadline = row.getObject(5, LocalDate.class);
                    return new Upcoming(row.getLong(1), row.getString(2), row.getString(3),
                            row.getObject(4, LocalDate.class), deadline, calculator.workingDaysLeft(today, deadline));
                }, personId, today);
    }

    /** Forgets one of {@code personId}'s reminders; anyone else's is not found. */
    @Transactional
    public void forget(long personId, long reminderId) {
        if (jdbc.update("delete from referral_reminder where id = ? and person_id = ?", reminderId, personId) == 0) {
            throw new Refusal.NotFound();
        }
    }

    @Scheduled(cron = "${bonusdesk.referrals.reminder-cron:0 0 8 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "referral-deadline-notices", lockAtLeastFor = "PT1M")
    @Transactional
    void daily() {
        noticeNearDeadlines(LocalDate.now(clock));
    }

    /**
     * Tells each referrer whose unfiled referral's deadline is {@link #NOTICE_WORKING_DAYS} working days away or
     * nearer, once: the notice is written with the reminder's mark in one transaction, so two instances or a rerun
     * never tell twice. Returns how many were told.
     */
    @Transactional
    public int noticeNearDeadlines(LocalDate today) {
        BonusCalculator calculator = rules.calculator();
        List<ReferralDeadlineNear> near = jdbc.query("select m.id, m.person_id, m.client_name, m.deadline"
                        + " from referral_reminder m where m.noticed_at is null and m.deadline >= ? and " + NOT_FILED
                        + " order by m.id for update skip locked",
                (row, number) -> {
                    LocalDate deadline = row.getObject(4, LocalDate.class);
                    return new ReferralDeadlineNear(row.getLong(1), row.getLong(2), row.getString(3), deadline,
                            calculator.workingDaysLeft(today, deadline));
                }, today).stream()
                .filter(reminder -> reminder.workingDaysLeft() <= NOTICE_WORKING_DAYS).toList();
        for (ReferralDeadlineNear reminder : near) {
            jdbc.update("update referral_reminder set noticed_at = ? where id = ?", Timestamp.from(clock.instant()),
                    reminder.reminderId());
            events.publishEvent(reminder);
        }
        return near.size();
    }
}
