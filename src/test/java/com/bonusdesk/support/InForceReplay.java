package com.bonusdesk.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.simulations.SimulationResult;
import com.bonusdesk.simulations.Simulations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's version in force simulated over March and April 2026, beside the ledger of those months: a module's
 * replay checked against the lines it wrote.
 */
public final class InForceReplay {

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 4, 30);

    private final JdbcTemplate jdbc;
    private final Simulations simulations;

    public InForceReplay(JdbcTemplate jdbc, Simulations simulations) {
        this.jdbc = jdbc;
        this.simulations = simulations;
    }

    /** What simulating the version of {@code plan} in force gives {@code payee}: the same against itself. */
    public BigDecimal simulated(String plan, long payee) {
        long version = jdbc.queryForObject("select id from plan_version where kind = ? and status = 'PUBLISHED'"
                + " and valid_from <= ? order by number desc limit 1", Long.class, plan, FROM);
        long simulation = simulations.start(version, FROM, TO, "finance1", Duration.ofSeconds(30));
        SimulationResult result = simulations.find(simulation).orElseThrow().result();
        SimulationResult.Change change = result.people().stream().filter(person -> person.personId() == payee)
                .findFirst().orElseThrow();
        assertThat(change.after()).as("the version in force against itself").isEqualTo(change.before());
        return new BigDecimal(change.before());
    }

    /** What the ledger holds for {@code payee} in those months. */
    public BigDecimal ledgerOf(long payee) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from earned_line where payee_id = ?"
                + " and earned_on between ? and ?", BigDecimal.class, payee, FROM, TO);
    }
}
