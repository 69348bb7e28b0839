package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static com.bonusdesk.calculation.PolicyExamplesTest.collect;
import static com.bonusdesk.calculation.PolicyExamplesTest.order;
import static com.bonusdesk.calculation.PolicyExamplesTest.sumByRule;
import static org.assertj.core.api.Assertions.assertThat;

class NewClientBonusTest {

    private static final LocalDate ORDER_DATE = LocalDate.of(2026, 3, 2);

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @ParameterizedTest(name = "last order {0}: new client {1}")
    @CsvSource({
            "2025-03-02, false",
            "2025-03-01, true",
            "2026-03-01, false",
            "2026-03-02, true"})
    void aClientIsNewWhenItHadNoOrderInTheYearBefore(LocalDate lastOrder, boolean isNew) {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, lastOrder,
                collect("2026-03-10", "800.00")));
        assertThat(result.eligible()).isEqualTo(isNew);
    }

    @ParameterizedTest(name = "{0} for {1} units qualifies: {2}")
    @CsvSource({
            "499.99, 9, false",
            "500.00, 1, true",
            "0.01, 10, true",
            "499.99, 10, true"})
    void anOrderQualifiesByAmountOrByUnits(String amount, int units, boolean qualifies) {
        BonusResult result = calculator.newClient(order(ORDER_DATE, amount, units, false, false, null));
        assertThat(result.eligible()).isEqualTo(qualifies);
    }

    @ParameterizedTest(name = "order of {0} earns R2 {1}")
    @CsvSource({
            "500.00, 50.00",
            "1000.00, 50.00",
            "1000.01, 200.00",
            "10000.00, 200.00",
            "10000.01, 500.00",
            "999999999999.99, 500.00"})
    void theOrderSizeTierHasInclusiveUpperBounds(String amount, String tierBonus) {
        BonusResult result = calculator.newClient(order(ORDER_DATE, amount, 1, false, false, null,
                collect("2026-03-03", "1.00")));
        assertThat(sumByRule(result, RuleCode.R2)).isEqualTo(new BigDecimal(tierBonus));
    }

    @ParameterizedTest(name = "collected on {0} (day {1}) counts: {2}")
    @CsvSource({
            "2026-03-02, 0, true",
            "2026-04-01, 30, true",
            "2026-04-02, 31, false"})
    void moneyCountsOnlyWhenCollectedWithinThirtyDays(String date, int day, boolean counts) {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null,
                collect(date, "800.00")));
        assertThat(sumByRule(result, RuleCode.R1)).isEqualTo(counts ? new BigDecimal("80.00") : null);
        assertThat(sumByRule(result, RuleCode.R2)).isEqualTo(counts ? new BigDecimal("50.00") : null);
        if (!counts) {
            assertThat(result.notes()).extracting(Explanation::key)
                    .contains("explain.note.collectedLate", "explain.note.awaitingCollection");
        }
    }

    @Test
    void theTierIsEarnedOnceAtTheFirstCollection() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null,
                collect("2026-03-10", "300.00"), collect("2026-03-05", "200.00"), collect("2026-03-20", "300.00")));

        assertThat(result.lines()).extracting(BonusLine::rule, BonusLine::amount, BonusLine::earnedOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RuleCode.R1, new BigDecimal("20.00"), LocalDate.of(2026, 3, 5)),
                org.assertj.core.groups.Tuple.tuple(RuleCode.R2, new BigDecimal("50.00"), LocalDate.of(2026, 3, 5)),
                org.assertj.core.groups.Tuple.tuple(RuleCode.R1, new BigDecimal("30.00"), LocalDate.of(2026, 3, 10)),
                org.assertj.core.groups.Tuple.tuple(RuleCode.R1, new BigDecimal("30.00"), LocalDate.of(2026, 3, 20)));
    }

    @Test
    void aClientThatNeverPaysEarnsNothingYet() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null));
        assertThat(result.eligible()).isTrue();
        assertThat(result.lines()).isEmpty();
        assertThat(result.notes()).extracting(Explanation::key).containsExactly("explain.note.awaitingCollection");
    }

    @Test
    void moneyBeyondTheOrderAmountEarnsNothing() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null,
                collect("2026-03-05", "600.00"), collect("2026-03-06", "600.00"), collect("2026-03-07", "50.00")));
        assertThat(sumByRule(result, RuleCode.R1)).isEqualTo(new BigDecimal("80.00"));
        assertThat(result.lines().get(2).explanation().key()).isEqualTo("explain.R1.collectedUpToOrder");
        assertThat(result.notes()).extracting(Explanation::key).containsExactly("explain.note.beyondOrderAmount");
    }

    @Test
    void aRefundOfMoneyThatEarnedIsClawedBackAtTheSameRate() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "20000.00", 40, true, true, null,
                collect("2026-03-12", "20000.00"), collect("2026-03-20", "-5000.00")));
        assertThat(result.lines()).filteredOn(line -> line.amount().signum() < 0).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal("-250.00"));
            assertThat(line.explanation().key()).isEqualTo("explain.R1.refund");
        });
        assertThat(result.total()).isEqualTo(new BigDecimal("1250.00"));
    }

    @Test
    void aRefundIsFirstTakenFromMoneyThatEarnedNothing() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null,
                collect("2026-03-05", "800.00"), collect("2026-04-20", "200.00"), collect("2026-04-25", "-300.00")));
        assertThat(sumByRule(result, RuleCode.R1)).isEqualTo(new BigDecimal("70.00"));
    }

    @Test
    void aRefundAfterTheWindowStillClawsBack() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null,
                collect("2026-03-05", "800.00"), collect("2026-06-01", "-800.00")));
        assertThat(sumByRule(result, RuleCode.R1)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void everyReasonIsGivenNotOnlyTheFirst() {
        BonusResult result = calculator.newClient(new NewClientFacts(ORDER_DATE, new BigDecimal("100.00"), 1, true,
                false, true, LocalDate.of(2026, 1, 5), List.of()));
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NOT_NEW_CLIENT,
                ReasonCode.PACKAGE_DEAL, ReasonCode.ORDER_TOO_SMALL, ReasonCode.BELOW_LIST_NOT_APPROVED);
        assertThat(result.reasons().get(0).explanation().args()).containsExactly("2026-01-05", "1");
    }

    @Test
    void anOrderBeforeThePlanStartsIsOutsideThePlanWindow() {
        BonusResult result = calculator.newClient(order(LocalDate.of(2025, 12, 31), "800.00", 12, false, false,
                null, collect("2026-01-05", "800.00")));
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OUTSIDE_PLAN_WINDOW);
    }

    @Test
    void perLineRoundingIsHalfUpToTheCent() {
        BonusResult result = calculator.newClient(order(ORDER_DATE, "800.00", 12, false, false, null,
                collect("2026-03-05", "0.05"), collect("2026-03-06", "0.04")));
        assertThat(result.lines()).filteredOn(line -> line.rule() == RuleCode.R1)
                .extracting(BonusLine::amount).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"));
    }
}
