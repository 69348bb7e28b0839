package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

@IntegrationTest
class MonthlyCountBonusTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(9000);

    @Autowired
    MonthlyCountBonus monthlyCount;

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    PersonService people;

    @Autowired
    Ledger ledger;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void fiveEarnedClientsInMarchPayOneHundredOnceHoweverOftenItRuns() throws Exception {
        long salesperson = newSalesperson();
        List<Claim> march = List.of(1, 2, 3, 4, 5).stream()
                .map(day -> earnedClaim(salesperson, LocalDate.of(2026, 3, day + 1))).toList();
        earnedClaim(salesperson, LocalDate.of(2026, 4, 2));

        monthlyCount.compute(YearMonth.of(2026, 3));
        monthlyCount.compute(YearMonth.of(2026, 3));

        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 3)), salesperson)).singleElement()
                .satisfies(line -> {
                    assertThat(line.rule()).isEqualTo("R3");
                    assertThat(line.amount()).isEqualTo(new BigDecimal("100.00"));
                    assertThat(line.earnedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
                });

        claims.cancel(march.get(0).getId(), id("finance1"), "wrong client", "finance1");
        monthlyCount.compute(YearMonth.of(2026, 3));

        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 3)), salesperson))
                .as("a change is one line for the difference, never the tier paid again")
                .extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("-50.00"));
    }

    @Test
    void example23AClientWhoseMoneyCameAfterTheMonthCountsInItWithALineForTheDifferenceOnTheDayOfTheMoney()
            throws Exception {
        long salesperson = newSalesperson();
        List.of(2, 9, 16, 23).forEach(day -> earnedClaim(salesperson, LocalDate.of(2026, 3, day)));
        ClaimFacts fifth = facts(LocalDate.of(2026, 3, 25));
        Claim late = claims.submit(fifth, salesperson, "test").claim();
        claims.decide(late.getId(), id("manager1"), true, null, "manager1");

        monthlyCount.compute(YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1));
        monthlyCount.compute(YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1));
        CollectionService.Recorded money = collections.record(fifth.orderNumber(), LocalDate.of(2026, 4, 20),
                fifth.orderAmount(), "R3-" + SEQUENCE.incrementAndGet(), "finance1");
        collections.record(fifth.orderNumber(), LocalDate.of(2026, 4, 20), fifth.orderAmount(),
                "R3-" + SEQUENCE.incrementAndGet() + "-again", "finance1");
        monthlyCount.compute(YearMonth.of(2026, 3), LocalDate.of(2026, 4, 21));

        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 3)), salesperson))
                .extracting(Ledger.Line::amount, Ledger.Line::earnedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("50.00"), LocalDate.of(2026, 4, 1)),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("50.00"), LocalDate.of(2026, 4, 20)));
        assertThat(money.newLines()).extracting(Ledger.Line::rule).contains("R3");
        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 3)), salesperson).get(1)
                .explanation().get(0).key()).isEqualTo("explain.R3.correction");
    }

    @Test
    void theNightlyRunComputesTheMonthsStillOpen() throws Exception {
        long salesperson = newSalesperson();
        earnedClaim(salesperson, LocalDate.of(2026, 5, 4));

        monthlyCount.nightly();

        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 5)), salesperson)).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(new BigDecimal("50.00")));
    }

    @Test
    void aMonthIsOpenToChangeUntilTheWindowOfItsLastOrderHasClosed() {
        assertThat(monthlyCount.isOpen(YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(monthlyCount.isOpen(YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(monthlyCount.isOpen(YearMonth.of(2026, 3), LocalDate.of(2026, 4, 30))).isTrue();
        assertThat(monthlyCount.isOpen(YearMonth.of(2026, 3), LocalDate.of(2026, 5, 1))).isFalse();
    }

    @Test
    void financeRecomputesAMonthByHandAndARepeatAddsNothing() throws Exception {
        long salesperson = newSalesperson();
        earnedClaim(salesperson, LocalDate.of(2026, 2, 3));
        mvc.perform(post("/collections/monthly-count").param("month", "2026-02")
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash()
                        .attribute("success", "monthlyCount.done"));
        mvc.perform(post("/collections/monthly-count").param("month", "2026-02")
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash()
                        .attribute("successArgs", List.of("2026-02", "0")));
        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 2)), salesperson)).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(new BigDecimal("50.00")));
        mvc.perform(post("/collections/monthly-count").with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash()
                        .attribute("failure", "monthlyCount.month.required"));
    }

    @Test
    void aClaimWithoutMoneyCollectedDoesNotCount() throws Exception {
        long salesperson = newSalesperson();
        Claim uncollected = claims.submit(facts(LocalDate.of(2026, 3, 3)), salesperson, "test").claim();
        claims.decide(uncollected.getId(), id("manager1"), true, null, "manager1");

        monthlyCount.compute(YearMonth.of(2026, 3));

        assertThat(ledger.linesOf(MonthlyCountBonus.source(YearMonth.of(2026, 3)), salesperson)).isEmpty();
    }

    private Claim earnedClaim(long salesperson, LocalDate orderDate) {
        ClaimFacts facts = facts(orderDate);
        Claim claim = claims.submit(facts, salesperson, "test").claim();
        claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
        collections.record(facts.orderNumber(), orderDate.plusDays(3), facts.orderAmount(), "R3-" + SEQUENCE.incrementAndGet(),
                "finance1");
        return claim;
    }

    private static ClaimFacts facts(LocalDate orderDate) {
        return new ClaimFacts(ClientCodes.fresh(), "月度公司", "R3-ORD-" + SEQUENCE.incrementAndGet(), orderDate,
                new BigDecimal("800.00"), 12, false, false, null);
    }

    private long newSalesperson() throws Exception {
        String username = "rep" + SEQUENCE.incrementAndGet();
        mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                .param("username", username).param("displayName", username).param("password", "password-1")
                .param("roles", "SALES").param("managerId", String.valueOf(id("manager1"))));
        return id(username);
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }

}
