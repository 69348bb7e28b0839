package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.claims.MonthlyCountBonus;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POLICY.md example 10 from the claim to the money: a salesperson with five earned R2 claims in March 2026 earns
 * R3 100.00 on the first working day of April, and it is paid in the first weekly run after 2026-04-01, not before.
 */
@IntegrationTest
@TestPropertySource(properties = "bonusdesk.payouts.chunk-size=3")
class PolicyExample10Test {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(10_000);

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    MonthlyCountBonus monthlyCount;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PersonService people;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService accounts;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        new PayoutFixture(jdbc, ledger).forgetAllLinesAndRuns();
    }

    @Test
    void fiveEarnedClientsInMarchArePaidOneHundredInTheFirstWeeklyRunAfterTheFirstOfApril() {
        long sales1 = people.findByUsername("sales1").orElseThrow().getId();
        for (int day = 2; day <= 6; day++) {
            earnedClaim(sales1, LocalDate.of(2026, 3, day));
        }
        monthlyCount.compute(YearMonth.of(2026, 3));
        Ledger.Line r3 = r3Of(sales1);
        assertThat(r3.amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(r3.earnedOn()).isEqualTo(LocalDate.of(2026, 4, 1));

        PayoutRun lastWeekOfMarch = runs.start(LocalDate.of(2026, 3, 27), "finance1");
        assertThat(linesIn(lastWeekOfMarch)).doesNotContain(r3.id()).hasSize(10);

        PayoutRun firstAfterApril1 = runs.start(LocalDate.of(2026, 4, 1), "finance1");
        assertThat(firstAfterApril1.getWeekEnding()).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(linesIn(firstAfterApril1)).containsExactly(r3.id());
        assertThat(firstAfterApril1.getTotal()).isEqualByComparingTo("100.00");

        runs.decide(firstAfterApril1.getId(), true, null, (PersonPrincipal) accounts.loadUserByUsername("director1"));
        runs.pay(firstAfterApril1.getId(), LocalDate.of(2026, 6, 15), "finance1");
        assertThat(r3Of(sales1)).satisfies(line -> {
            assertThat(line.paidOn()).isEqualTo(LocalDate.of(2026, 6, 15));
            assertThat(line.payoutRunId()).isEqualTo(firstAfterApril1.getId());
        });
    }

    private Claim earnedClaim(long salesperson, LocalDate orderDate) {
        ClaimFacts facts = new ClaimFacts(ClientCodes.fresh(), "例十公司", "EX10-" + SEQUENCE.incrementAndGet(), orderDate,
                new BigDecimal("800.00"), 12, false, false, null);
        Claim claim = claims.submit(facts, salesperson, "sales1").orRefuse();
        claims.decide(claim.getId(), people.findByUsername("manager1").orElseThrow().getId(), true, null, "manager1");
        collections.record(facts.orderNumber(), orderDate.plusDays(3), facts.orderAmount(),
                "EX10-R-" + SEQUENCE.incrementAndGet(), "finance1");
        return claim;
    }

    /** The salesperson's one R3 line, earned on the first working day of April. */
    private Ledger.Line r3Of(long salesperson) {
        return ledger.linesOfPayee(salesperson, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)).stream()
                .filter(line -> line.rule().equals("R3")).reduce((one, other) -> {
                    throw new AssertionError("more than one R3 line");
                }).orElseThrow();
    }

    private java.util.List<Long> linesIn(PayoutRun run) {
        return jdbc.queryForList("select line_id from payout_item where run_id = ? and state = 'IN_RUN'", Long.class,
                run.getId());
    }
}
