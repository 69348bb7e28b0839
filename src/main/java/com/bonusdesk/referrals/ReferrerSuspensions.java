package com.bonusdesk.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;

/**
 * R4's fairness rule: a referral cancelled for false information costs its referrer their eligibility for 12
 * months from the finding (取消其推荐奖励资格); meanwhile their applications are refused {@code REFERRER_SUSPENDED},
 * naming the last day. Only HR lifts one early, with a reason; every change is audited.
 */
@Service
@RequiredArgsConstructor
public class ReferrerSuspensions {

    /** How long a suspension lasts. */
    static final int MONTHS = 12;

    private final JdbcTemplate jdbc;
    private final PersonService people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A suspension: whose, for which referral, its days, and whether HR lifted it. */
    public record Suspension(long id, long personId, long referralId, LocalDate startsOn, LocalDate endsOn,
            LocalDate liftedOn, String liftedBy, String liftReason) {

        /** Whether it refuses applications filed on {@code day}. */
        public boolean inForceOn(LocalDate day) {
            return liftedOn == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    /** Suspends the referrer of a referral just cancelled for false information, from today for 12 months. */
    @Transactional(propagation = Propagation.MANDATORY)
    void suspend(Referral referral, String actor) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusMonths(MONTHS).minusDays(1);
        long id = jdbc.queryForObject("""
                insert into referrer_suspension (person_id, referral_id, starts_on, ends_on, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class, referral.getReferrerId(), referral.getId(),
                today, last, actor, Timestamp.from(clock.instant()));
        events.publishEvent(new ReferrerSuspensionChanged(actor, id, label(referral.getReferrerId()), null,
                "SUSPENDED", "until " + last));
    }

    /** The suspension refusing {@code personId}'s applications today, if any. */
    @Transactional(readOnly = true)
    public Optional<Suspension> inForce(long personId) {
        LocalDate today = LocalDate.now(clock);
        return of(personId).stream().filter(suspension -> suspension.inForceOn(today)).findFirst();
    }

    /** Every suspension of {@code personId}, newest first. */
    @Transactional(readOnly = true)
    public List<Suspension> of(long personId) {
        return jdbc.query("select * from referrer_suspension where person_id = ? order by starts_on desc, id desc",
                ReferrerSuspensions::suspension, personId);
    }

    /** The suspensions in force today, the soonest to end first: what HR sees. */
    @Transactional(readOnly = true)
    public List<Suspension> current() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("""
                select * from referrer_suspension where lifted_on is null and ? between starts_on and ends_on
                order by ends_on, id""", ReferrerSuspensions::suspension, today);
    }

    /**
     * HR lifts a suspension early, with a reason: refused for anyone but HR (403), for one's own (403), without a
     * reason (400), and for one no longer in force (409).
     */
    @Transactional
    public Suspension lift(long suspensionId, String reason, long hrId, String actor) {
        Suspension suspension = jdbc.query("select * from referrer_suspension where id = ? for update",
                ReferrerSuspensions::suspension, suspensionId).stream().findFirst()
                .orElseThrow(Refusal.NotFound::new);
        if (!people.actsAs(hrId, Role.HR)) {
            throw new Refusal.NotPermitted("suspension.hrOnly");
        }
        if (suspension.personId() == hrId) {
            throw new Refusal.NotPermitted("suspension.own");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refusal.InvalidInput("reason", "suspension.reasonRequired");
        }
        LocalDate today = LocalDate.now(clock);
        if (!suspension.inForceOn(today)) {
            throw new Refusal.WrongState("suspension.notInForce");
        }
        String why = reason.strip();
        jdbc.update("update referrer_suspension set lifted_on = ?, lifted_by = ?, lift_reason = ? where id = ?",
                today, actor, why, suspensionId);
        events.publishEvent(new ReferrerSuspensionChanged(actor, suspensionId, label(suspension.personId()),
                "SUSPENDED", "LIFTED", why));
        return new Suspension(suspension.id(), suspension.personId(), suspension.referralId(), suspension.startsOn(),
                suspension.endsOn(), today, actor, why);
    }

    private String label(long personId) {
        return people.find(personId).map(person -> person.getUsername() + " " + person.getDisplayName())
                .orElse(String.valueOf(personId));
    }

    private static Suspension suspension(ResultSet row, int index) throws SQLException {
        return new Suspension(row.getLong("id"), row.getLong("person_id"), row.getLong("referral_id"),
                row.getObject("starts_on", LocalDate.class), row.getObject("ends_on", LocalDate.class),
                row.getObject("lifted_on", LocalDate.class), row.getString("lifted_by"), row.getString("lift_reason"));
    }
}
