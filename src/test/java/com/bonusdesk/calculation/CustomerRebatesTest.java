package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.bonusdesk.support.Theories.amounts;
import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * R7 and R8, the incentives paid to customers: worked examples 15–22 of POLICY.md to the cent, their boundaries,
 * and invariants over generated months.
 */
class CustomerRebatesTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @Test
    void example15CashMarchPurchasesOfEightyThousandEarnSixteenThousandOnTheLastDay() {
        KeyAccountResult result = calculator.keyAccountMonth(cash(MARCH, "80000.00"));

        assertThat(result.hasDiscount()).isFalse();
        assertThat(result.result().lines()).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo(RuleCode.R7);
            assertThat(line.amount()).isEqualTo(new BigDecimal("16000.00"));
            assertThat(line.earnedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(line.planVersion()).isEqualTo("KEY_ACCOUNT v1");
            assertThat(line.explanation()).isEqualTo(Explanation.of("explain.R7.cash.upTo", "2026-03", "80,000.00",
                    "100,000.00", "20%", "16,000.00"));
        });
    }

    @ParameterizedTest(name = "cash, purchases {0}: {1} at {2}")
    @CsvSource({
            "100000.00, 20000.00, 20%, example 16: exactly the first bound stays in the first tier",
            "100000.01, 25000.00, 25%, example 17: one cent over moves the whole month to 25%",
            "500000.00, 125000.00, 25%, the second bound stays in the second tier",
            "500000.01, 150000.00, 30%, one cent over the second bound",
            "999999.99, 300000.00, 30%, the last cent before the agreement",
            "0.01, 0.00, 20%, a cent of purchases earns nothing after rounding"})
    void aCashMonthEarnsItsTierRateOfTheWholeMonth(String purchases, String expected, String rate, String why) {
        KeyAccountResult result = calculator.keyAccountMonth(cash(MARCH, purchases));

        assertThat(result.result().lines()).as(why).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal(expected));
            assertThat(line.explanation().args()).contains(rate);
        });
    }

    @Test
    void example18ADiscountMonthPaysNothingAndSetsNextMonthsRate() {
        KeyAccountResult result = calculator.keyAccountMonth(new KeyAccountFacts(APRIL, new BigDecimal("600000.00"),
                KeyAccountMode.DISCOUNT, null));

        assertThat(result.result().lines()).isEmpty();
        assertThat(result.discountRate()).isEqualByComparingTo("0.10");
        assertThat(result.appliesTo()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(result.result().notes()).containsExactly(Explanation.of("explain.R7.discount.over", "2026-04",
                "600,000.00", "500,000.00", "1,000,000.00", "10%", "2026-05"));
    }

    @ParameterizedTest(name = "purchases {0}, {1}: no agreement, nothing computed")
    @CsvSource({"1200000.00, CASH", "1000000.00, CASH", "1000000.00, DISCOUNT"})
    void example19FromOneMillionOnlyAnAgreementDecides(String purchases, KeyAccountMode mode) {
        KeyAccountResult result = calculator.keyAccountMonth(new KeyAccountFacts(MARCH, new BigDecimal(purchases),
                mode, null));

        assertThat(result.result().eligible()).isFalse();
        assertThat(result.result().lines()).isEmpty();
        assertThat(result.hasDiscount()).isFalse();
        assertThat(result.result().reasons()).extracting(Reason::code).containsExactly(ReasonCode.AGREEMENT_NEEDED);
    }

    @Test
    void anApprovedAgreementDecidesFromOneMillion() {
        KeyAccountFacts.Agreement rate = new KeyAccountFacts.Agreement(new BigDecimal("0.125"), null);
        KeyAccountFacts.Agreement amount = new KeyAccountFacts.Agreement(null, new BigDecimal("150000.00"));

        assertThat(calculator.keyAccountMonth(new KeyAccountFacts(MARCH, new BigDecimal("1200000.00"),
                KeyAccountMode.CASH, rate)).result().total()).isEqualByComparingTo("150000.00");
        assertThat(calculator.keyAccountMonth(new KeyAccountFacts(MARCH, new BigDecimal("2000000.00"),
                KeyAccountMode.CASH, amount)).result().total()).isEqualByComparingTo("150000.00");
        KeyAccountResult discount = calculator.keyAccountMonth(new KeyAccountFacts(MARCH,
                new BigDecimal("1200000.00"), KeyAccountMode.DISCOUNT, rate));
        assertThat(discount.discountRate()).isEqualByComparingTo("0.125");
        assertThat(discount.appliesTo()).isEqualTo(APRIL);
        assertThat(calculator.keyAccountMonth(new KeyAccountFacts(MARCH, new BigDecimal("1200000.00"),
                KeyAccountMode.DISCOUNT, amount)).result().reasons()).extracting(Reason::code)
                .as("an amount is no discount rate").containsExactly(ReasonCode.AGREEMENT_NEEDED);
        assertThat(calculator.keyAccountMonth(new KeyAccountFacts(MARCH, new BigDecimal("80000.00"),
                KeyAccountMode.CASH, rate)).result().total()).as("below the threshold the tiers decide")
                .isEqualByComparingTo("16000.00");
    }

    @Test
    void aMonthWithoutNetPurchasesOrOutsideThePlanYearEarnsNothing() {
        assertThat(calculator.keyAccountMonth(cash(MARCH, "-300.00")).result().lines()).isEmpty();
        assertThat(calculator.keyAccountMonth(cash(MARCH, "0.00")).result().notes()).isNotEmpty();
        assertThat(calculator.keyAccountMonth(cash(YearMonth.of(2027, 1), "80000.00")).result().reasons())
                .extracting(Reason::code).as("the shipped plan runs one calendar year")
                .containsExactly(ReasonCode.OUTSIDE_PLAN_WINDOW);
    }

    @Test
    void example20OneOrderOfSixtyThousandEarnsItsPickupRewardAndNoMonthlyOne() {
        BonusResult result = calculator.dealerMonth(MARCH, List.of(order("SO-101", "2026-03-10", "60000.00")));

        assertThat(result.lines()).extracting(BonusLine::rule, BonusLine::amount)
                .containsExactly(tuple(RuleCode.R8_PICKUP, new BigDecimal("600.00")));
        assertThat(result.lines().get(0).earnedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(result.notes()).extracting(Explanation::key).containsExactly("explain.note.monthlyNotReached");
    }

    @Test
    void example21TwoOrdersEarnTheirPickupsAndTheMonthlyRewardOnTheirTotal() {
        BonusResult result = calculator.dealerMonth(MARCH, List.of(order("SO-122", "2026-03-18", "260000.00"),
                order("SO-101", "2026-03-10", "60000.00")));

        assertThat(result.lines()).extracting(BonusLine::rule, BonusLine::amount).containsExactly(
                tuple(RuleCode.R8_PICKUP, new BigDecimal("600.00")),
                tuple(RuleCode.R8_PICKUP, new BigDecimal("5200.00")),
                tuple(RuleCode.R8_MONTHLY, new BigDecimal("3200.00")));
        assertThat(result.lines().get(1).explanation()).isEqualTo(Explanation.of("explain.R8_PICKUP", "SO-122",
                "260,000.00", "200,000.00", "2%", "5,200.00"));
    }

    @ParameterizedTest(name = "one order of {0}: pickup {1}")
    @CsvSource({"49999.99, 0.00", "50000.00, 500.00", "199999.99, 2000.00", "200000.00, 4000.00"})
    void theSinglePickupStepsStartAtTheirBound(String amount, String expected) {
        BonusResult result = calculator.dealerMonth(MARCH, List.of(order("SO-1", "2026-03-02", amount)));

        assertThat(result.total()).isEqualByComparingTo(expected);
    }

    @Test
    void aMonthOfOneMillionEarnsOneAndAHalfPercentAndAReturnClawsBackItsPickup() {
        BonusResult million = calculator.dealerMonth(MARCH, List.of(order("SO-1", "2026-03-02", "1000000.00")));
        assertThat(million.lines()).extracting(BonusLine::rule, BonusLine::amount).containsExactly(
                tuple(RuleCode.R8_PICKUP, new BigDecimal("20000.00")),
                tuple(RuleCode.R8_MONTHLY, new BigDecimal("15000.00")));

        BonusResult returned = calculator.dealerMonth(MARCH, List.of(order("SO-122", "2026-03-18", "260000.00"),
                order("SO-101", "2026-03-10", "60000.00"), order("RT-9", "2026-03-25", "-260000.00")));
        assertThat(returned.lines()).extracting(BonusLine::rule, BonusLine::amount).containsExactly(
                tuple(RuleCode.R8_PICKUP, new BigDecimal("600.00")),
                tuple(RuleCode.R8_PICKUP, new BigDecimal("5200.00")),
                tuple(RuleCode.R8_PICKUP, new BigDecimal("-5200.00")));
        assertThat(returned.total()).as("60,000.00 left: its pickup only").isEqualByComparingTo("600.00");
    }

    @Test
    void withoutStackingTheHigherOfTheMonthsPickupsAndItsMonthlyRewardIsPaid() {
        DealerRules notStacked = new DealerRules(DefaultPlans.DEALER.pickupSteps(),
                DefaultPlans.DEALER.monthlySteps(), false, DefaultPlans.DEALER.annualRate());
        BonusCalculator strict = new BonusCalculator(PlanBook.of(List.of(new PlanVersion<>(PlanKind.DEALER, 2,
                DefaultPlans.FROM, null, notStacked))), China2026.CALENDAR);

        BonusResult result = strict.dealerMonth(MARCH, List.of(order("SO-122", "2026-03-18", "260000.00"),
                order("SO-101", "2026-03-10", "60000.00")));

        assertThat(result.total()).as("pickups 5,800.00 over monthly 3,200.00").isEqualByComparingTo("5800.00");
        assertThat(result.lines()).extracting(BonusLine::rule).containsOnly(RuleCode.R8_PICKUP);
    }

    @Test
    void example22AYearOverItsTargetEarnsTwoPercentOfTheYear() {
        BonusResult result = calculator.dealerYear(2026, new BigDecimal("2000000.00"), new BigDecimal("2100000.00"));

        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo(RuleCode.R8_ANNUAL);
            assertThat(line.amount()).isEqualTo(new BigDecimal("42000.00"));
            assertThat(line.earnedOn()).isAfter(LocalDate.of(2026, 12, 31));
        });
        assertThat(calculator.dealerYear(2026, new BigDecimal("2000000.00"), new BigDecimal("1999999.99")).lines())
                .isEmpty();
        assertThat(calculator.dealerYear(2026, new BigDecimal("2000000.00"), new BigDecimal("2000000.00")).total())
                .isEqualByComparingTo("40000.00");
        assertThat(calculator.dealerYear(2026, null, new BigDecimal("2100000.00")).reasons())
                .extracting(Reason::code).containsExactly(ReasonCode.NO_TARGET);
    }

    @Test
    void plansWithGapsOrRatesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new KeyAccountRules(List.of(
                new KeyAccountRules.Tier(new BigDecimal("500000"), new BigDecimal("0.2"), new BigDecimal("0.05")),
                new KeyAccountRules.Tier(null, new BigDecimal("0.3"), new BigDecimal("0.1"))), new BigDecimal("400000")))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.field()).isEqualTo("agreementFrom"));
        assertThatThrownBy(() -> new KeyAccountRules(List.of(
                new KeyAccountRules.Tier(null, new BigDecimal("1.2"), new BigDecimal("0.1"))), new BigDecimal("1")))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[0].cashRate"));
        assertThatThrownBy(() -> new DealerRules(List.of(new DealerRules.Step(new BigDecimal("200000"),
                new BigDecimal("0.02")), new DealerRules.Step(new BigDecimal("50000"), new BigDecimal("0.01"))),
                DefaultPlans.DEALER.monthlySteps(), true, new BigDecimal("0.02")))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.field()).isEqualTo("pickupSteps[1].from"));
    }

    /** More purchases never earn a lower rate, up to the agreement; and cash and discount are never both. */
    @Test
    void aLargerMonthNeverEarnsALowerRateAndCashAndDiscountAreNeverBoth() {
        qt().forAll(amounts("0.01", "999999.99"), amounts("0.00", "999999.99"), integers().between(0, 1))
                .checkAssert((purchases, more, discount) -> {
                    BigDecimal larger = purchases.add(more).min(new BigDecimal("999999.99"));
                    KeyAccountMode mode = discount == 1 ? KeyAccountMode.DISCOUNT : KeyAccountMode.CASH;
                    KeyAccountResult small = calculator.keyAccountMonth(new KeyAccountFacts(MARCH, purchases, mode,
                            null));
                    KeyAccountResult large = calculator.keyAccountMonth(new KeyAccountFacts(MARCH, larger, mode,
                            null));
                    assertThat(small.hasDiscount() && !small.result().lines().isEmpty()).isFalse();
                    assertThat(small.hasDiscount()).isEqualTo(mode == KeyAccountMode.DISCOUNT);
                    assertThat(rate(large, larger)).isGreaterThanOrEqualTo(rate(small, purchases));
                    assertThat(large.result().total()).isGreaterThanOrEqualTo(small.result().total());
                });
    }

    private static BigDecimal rate(KeyAccountResult result, BigDecimal purchases) {
        if (result.hasDiscount()) {
            return result.discountRate();
        }
        return DefaultPlans.KEY_ACCOUNT.tierFor(purchases).orElseThrow().cashRate();
    }

    private static KeyAccountFacts cash(YearMonth month, String purchases) {
        return new KeyAccountFacts(month, new BigDecimal(purchases), KeyAccountMode.CASH, null);
    }

    private static DealerOrder order(String number, String date, String amount) {
        return new DealerOrder(number, LocalDate.parse(date), new BigDecimal(amount));
    }
}
