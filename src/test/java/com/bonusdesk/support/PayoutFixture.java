package com.bonusdesk.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;

/**
 * Payees and earned lines for payout tests, made the way the application makes them: people as rows of
 * their table, lines through the ledger. Each test starts from no lines and no runs.
 */
public final class PayoutFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Tells this test run's people apart from those of an earlier run on the same database. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private final JdbcTemplate jdbc;
    private final Ledger ledger;

    public PayoutFixture(JdbcTemplate jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Also forgets the disputes, holds and adjustments that name lines. */
    public void forgetAllLinesAndRuns() {
        jdbc.update("truncate line_hold, adjustment, dispute, payout_total, payout_item, payout_run, earned_line");
    }

    /** A new salesperson, named {@code name}, with an employee number and a department. */
    public long payee(String name) {
        long n = SEQUENCE.incrementAndGet();
        long id = jdbc.queryForObject("""
                insert into person (username, password_hash, display_name, employee_number, department, created_at, updated_at)
                values (?, '{noop}unused', ?, ?, 'Sales', ?, ?) returning id""", Long.class,
                "payee-" + RUN + "-" + n, name, "T" + RUN + "-" + n, Timestamp.from(Instant.EPOCH),
                Timestamp.from(Instant.EPOCH));
        jdbc.update("insert into person_role (person_id, role) values (?, 'SALES')", id);
        return id;
    }

    /**
     * A new salesperson with a manager of their own, who approves their claims: everyone who claims has someone
     * above, and their claims wait in no queue another test reads.
     */
    public long salesperson(String name) {
        long manager = payee(name + "的经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long id = payee(name);
        jdbc.update("update person set manager_id = ? where id = ?", manager, id);
        return id;
    }

    public String username(long payee) {
        return jdbc.queryForObject("select username from person where id = ?", String.class, payee);
    }

    /** A line of {@code amount} for {@code payee} under {@code rule}, earned on {@code earnedOn}. */
    public long line(long payee, RuleCode rule, String amount, LocalDate earnedOn) {
        List<Ledger.Line> added = ledger.reconcile("TEST", SEQUENCE.incrementAndGet(), payee, List.of(new BonusLine(rule,
                new BigDecimal(amount), "TEST v1", earnedOn, Explanation.of("explain.reversal", amount, earnedOn))));
        return added.get(0).id();
    }
}
