package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of POLICY.md, each with its exact amounts. */
class PolicyExamplesTest {

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    static Stream<Arguments> newClientExamples() {
        LocalDate march2 = LocalDate.of(2026, 3, 2);
        return Stream.of(
                Arguments.of("1: never served, 800.00 / 12 units, list price, collected in full on 03-20",
                        order(march2, "800.00", 12, false, false, null,
                                collect("2026-03-20", "800.00")),
                        Map.of(RuleCode.R1, "80.00", RuleCode.R2, "50.00"), List.of()),
                Arguments.of("2: as 1, but 500.00 on 03-20 and 300.00 on 04-05 (day 34)",
                        order(march2, "800.00", 12, false, false, null,
                                collect("2026-03-20", "500.00"), collect("2026-04-05", "300.00")),
                        Map.of(RuleCode.R1, "50.00", RuleCode.R2, "50.00"), List.of()),
                Arguments.of("3: 20,000.00 below list price, approved, collected in full on day 10",
                        order(march2, "20000.00", 40, true, true, null, collect("2026-03-12", "20000.00")),
                        Map.of(RuleCode.R1, "1000.00", RuleCode.R2, "500.00"), List.of()),
                Arguments.of("4: as 3 but not approved",
                        order(march2, "20000.00", 40, true, false, null, collect("2026-03-12", "20000.00")),
                        Map.of(), List.of(ReasonCode.BELOW_LIST_NOT_APPROVED)),
                Arguments.of("5: 499.99 and 9 units",
                        order(march2, "499.99", 9, false, false, null, collect("2026-03-12", "499.99")),
                        Map.of(), List.of(ReasonCode.ORDER_TOO_SMALL)),
                Arguments.of("6: 10 units for 120.00, R2 once collected",
                        order(march2, "120.00", 10, false, false, null, collect("2026-03-05", "120.00")),
                        Map.of(RuleCode.R1, "12.00", RuleCode.R2, "50.00"), List.of()),
                Arguments.of("7: client last served 2025-03-02, order 2026-03-02",
                        order(march2, "800.00", 12, false, false, LocalDate.of(2025, 3, 2),
                                collect("2026-03-20", "800.00")),
                        Map.of(), List.of(ReasonCode.NOT_NEW_CLIENT)),
                Arguments.of("8: same code as an existing client under a new name (its orders are the client's)",
                        order(march2, "800.00", 12, false, false, LocalDate.of(2026, 1, 15),
                                collect("2026-03-20", "800.00")),
                        Map.of(), List.of(ReasonCode.NOT_NEW_CLIENT)),
                Arguments.of("9: exactly 10,000.00, collected 10,000.00 on day 30",
                        order(march2, "10000.00", 20, false, false, null, collect("2026-04-01", "10000.00")),
                        Map.of(RuleCode.R1, "1000.00", RuleCode.R2, "200.00"), List.of()));
    }

    @Test
    void example25TheWholeOrderRefundedOnDay40ClawsBackBothR1AndR2() {
        BonusResult result = calculator.newClient(order(LocalDate.of(2026, 3, 2), "800.00", 12, false, false, null,
                collect("2026-03-20", "800.00"), collect("2026-04-11", "-800.00")));

        assertThat(result.lines()).extracting(BonusLine::rule, BonusLine::amount, BonusLine::earnedOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RuleCode.R1, new BigDecimal("80.00"), LocalDate.of(2026, 3, 20)),
                        org.assertj.core.groups.Tuple.tuple(RuleCode.R2, new BigDecimal("50.00"), LocalDate.of(2026, 3, 20)),
                        org.assertj.core.groups.Tuple.tuple(RuleCode.R1, new BigDecimal("-80.00"), LocalDate.of(2026, 4, 11)),
                        org.assertj.core.groups.Tuple.tuple(RuleCode.R2, new BigDecimal("-50.00"), LocalDate.of(2026, 4, 11)));
        assertThat(result.lines().get(3).explanation().key()).isEqualTo("explain.R2.refunded");
    }

    @Test
    void aPartialRefundLeavesTheTierBonusAndMoneyBackOnTheSameDayIsNotAFullRefund() {
        BonusResult partial = calculator.newClient(order(LocalDate.of(2026, 3, 2), "800.00", 12, false, false, null,
                collect("2026-03-20", "800.00"), collect("2026-04-11", "-799.99")));
        assertThat(sumByRule(partial, RuleCode.R2)).isEqualTo(new BigDecimal("50.00"));

        BonusResult repaid = calculator.newClient(order(LocalDate.of(2026, 3, 2), "800.00", 12, false, false, null,
                collect("2026-03-20", "800.00"), collect("2026-03-25", "-800.00"), collect("2026-03-25", "800.00")));
        assertThat(sumByRule(repaid, RuleCode.R2)).as("refunded and paid again the same day").isEqualTo(
                new BigDecimal("50.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newClientExamples")
    void newClientExamples(String example, NewClientFacts facts, Map<RuleCode, String> expected,
            List<ReasonCode> refusals) {
        BonusResult result = calculator.newClient(facts);

        assertThat(result.eligible()).isEqualTo(refusals.isEmpty());
        assertThat(result.reasons()).extracting(Reason::code).containsExactlyElementsOf(refusals);
        assertThat(sumByRule(result, RuleCode.R1)).isEqualTo(amountOrNull(expected.get(RuleCode.R1)));
        assertThat(sumByRule(result, RuleCode.R2)).isEqualTo(amountOrNull(expected.get(RuleCode.R2)));
    }

    @Test
    void example10FiveEarnedClientsInMarchPayOneHundredOnTheFirstWorkingDayOfApril() {
        BonusResult result = calculator.monthlyCount(YearMonth.of(2026, 3), 5);

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo(RuleCode.R3);
            assertThat(line.amount()).isEqualTo(new BigDecimal("100.00"));
            assertThat(line.earnedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        });
    }

    @Test
    void example26AReferredClientWithAnErpOrderWithinTheYearBeforeTheSigningIsNotNew() {
        BonusResult refused = calculator.salesReferral(new SalesReferralFacts(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 5), new BigDecimal("250000"), new BigDecimal("600000"), Map.of(),
                LocalDate.of(2025, 9, 1)));
        assertThat(refused.eligible()).isFalse();
        assertThat(refused.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NOT_NEW_CLIENT);
        assertThat(refused.lines()).isEmpty();

        BonusResult wonBack = calculator.salesReferral(new SalesReferralFacts(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 5), new BigDecimal("250000"), new BigDecimal("600000"), Map.of(),
                LocalDate.of(2025, 3, 1)));
        assertThat(sumByRule(wonBack, RuleCode.R4)).as("last served a year and a day before").isEqualTo(
                new BigDecimal("2500.00"));
    }

    @Test
    void example11BigClientReferralEarnsOnePercentOfTheContract() {
        BonusResult result = calculator.salesReferral(referral("2026-03-02", "2026-03-05", "250000", "600000"));

        assertThat(result.lines()).filteredOn(line -> line.rule() == RuleCode.R4).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(new BigDecimal("2500.00")));
    }

    @Test
    void example12OrdinaryClientReferralEarnsHalfAPercent() {
        BonusResult result = calculator.salesReferral(referral("2026-03-02", "2026-03-05", "80000", "100000"));

        assertThat(result.lines()).filteredOn(line -> line.rule() == RuleCode.R4).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(new BigDecimal("400.00")));
    }

    @Test
    void example13AReferralFiledOnTheSixteenthWorkingDayIsLate() {
        LocalDate signed = LocalDate.of(2026, 3, 2);
        LocalDate sixteenth = China2026.CALENDAR.nthWorkingDayAfter(signed, 16);
        assertThat(sixteenth).isEqualTo(LocalDate.of(2026, 3, 24));

        BonusResult result = calculator.salesReferral(referral("2026-03-02", sixteenth.toString(), "250000", "600000"));

        assertThat(result.eligible()).isFalse();
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.LATE_APPLICATION);
        assertThat(result.reasons().get(0).explanation().args()).contains("2026-03-23");
    }

    @Test
    void example14ResidentialDealRoundsToTheNearestHundred() {
        BonusResult result = calculator.customerReferral(new CustomerReferralFacts(PropertyType.RESIDENTIAL,
                new BigDecimal("1234567.00"), LocalDate.of(2026, 5, 20), true));

        assertThat(result.lines()).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(new BigDecimal("2500.00")));
    }

    static NewClientFacts order(LocalDate date, String amount, int units, boolean belowList, boolean approved,
            LocalDate lastOrder, Collection... collections) {
        return new NewClientFacts(date, new BigDecimal(amount), units, belowList, approved, false, lastOrder,
                List.of(collections));
    }

    static Collection collect(String date, String amount) {
        return new Collection(LocalDate.parse(date), new BigDecimal(amount));
    }

    static SalesReferralFacts referral(String signed, String applied, String contract, String annualSales) {
        return new SalesReferralFacts(LocalDate.parse(signed), LocalDate.parse(applied), new BigDecimal(contract),
                new BigDecimal(annualSales), Map.of());
    }

    static BigDecimal sumByRule(BonusResult result, RuleCode rule) {
        return result.lines().stream().filter(line -> line.rule() == rule).map(BonusLine::amount)
                .reduce(BigDecimal::add).orElse(null);
    }

    private static BigDecimal amountOrNull(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }
}
