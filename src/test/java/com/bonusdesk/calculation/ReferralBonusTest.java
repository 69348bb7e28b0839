package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.bonusdesk.calculation.PolicyExamplesTest.sumByRule;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralBonusTest {

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @ParameterizedTest(name = "annual sales {0}: R4 {1}")
    @CsvSource({
            "99999.99, ",
            "100000.00, 500.00",
            "499999.99, 500.00",
            "500000.00, 1000.00"})
    void theClientClassDecidesTheShare(String annualSales, String bonus) {
        BonusResult result = calculator.salesReferral(referral("2026-03-02", "2026-03-03", "100000", annualSales,
                Map.of()));
        assertThat(sumByRule(result, RuleCode.R4)).isEqualTo(bonus == null ? null : new BigDecimal(bonus));
        if (bonus == null) {
            assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CLIENT_TOO_SMALL);
        }
    }

    @ParameterizedTest(name = "signed {0}, filed {1}: late {2}")
    @CsvSource({
            "2026-09-17, 2026-10-14, false",
            "2026-09-17, 2026-10-15, true",
            "2026-09-30, 2026-10-27, false",
            "2026-09-30, 2026-10-28, true",
            "2026-02-06, 2026-03-05, false",
            "2026-02-06, 2026-03-06, true"})
    void theDeadlineIsTheFifteenthWorkingDayAcrossHolidaysAndMakeUpDays(String signed, String filed, boolean late) {
        BonusResult result = calculator.salesReferral(referral(signed, filed, "250000", "600000", Map.of()));
        assertThat(result.eligible()).isEqualTo(!late);
    }

    @Test
    void theDeadlineAcrossTheSpringFestivalCountsTheMakeUpSaturdays() {
        // signed Fri Feb 6: Feb 9-13 (5), Sat Feb 14 worked (6), Feb 15-23 off, Feb 24-27 (10),
        // Sat Feb 28 worked (11), Mar 2-5 (15)
        SalesReferralRules rules = DefaultPlans.SALES_REFERRAL;
        assertThat(calculator.applicationDeadline(rules, LocalDate.of(2026, 2, 6))).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void theKickerIsEarnedOnceWhenThreeConsecutiveMonthsExceedTheThreshold() {
        BonusResult result = calculator.salesReferral(referral("2026-01-10", "2026-01-12", "400000", "600000",
                Map.of(YearMonth.of(2026, 1), Money.of("400000"), YearMonth.of(2026, 2), Money.of("300000"),
                        YearMonth.of(2026, 3), Money.of("300000.01"), YearMonth.of(2026, 4), Money.of("900000"))));
        assertThat(result.lines()).filteredOn(line -> line.rule() == RuleCode.R4_KICKER).singleElement()
                .satisfies(line -> {
                    assertThat(line.amount()).isEqualTo(new BigDecimal("1000.00"));
                    assertThat(line.earnedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
                });
    }

    @Test
    void exactlyTheThresholdIsNotMoreThanIt() {
        BonusResult result = calculator.salesReferral(referral("2026-01-10", "2026-01-12", "100000", "200000",
                Map.of(YearMonth.of(2026, 1), Money.of("100000"), YearMonth.of(2026, 2), Money.of("100000"),
                        YearMonth.of(2026, 3), Money.of("100000"))));
        assertThat(sumByRule(result, RuleCode.R4_KICKER)).isNull();
        assertThat(result.notes()).extracting(Explanation::key).containsExactly("explain.note.kickerNotReached");
    }

    @Test
    void monthsFurtherApartThanTheRunDoNotAddUp() {
        BonusResult result = calculator.salesReferral(referral("2026-01-10", "2026-01-12", "100000", "200000",
                Map.of(YearMonth.of(2026, 1), Money.of("200000"), YearMonth.of(2026, 4), Money.of("200000"))));
        assertThat(sumByRule(result, RuleCode.R4_KICKER)).isNull();
    }

    @Test
    void aMonthWithoutContractsInsideTheRunCountsAsNothing() {
        BonusResult result = calculator.salesReferral(referral("2026-01-10", "2026-01-12", "100000", "200000",
                Map.of(YearMonth.of(2026, 1), Money.of("200000"), YearMonth.of(2026, 3), Money.of("100000.01"))));
        assertThat(sumByRule(result, RuleCode.R4_KICKER)).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void anOrdinaryClientsKickerIsFiveHundred() {
        BonusResult result = calculator.salesReferral(referral("2026-01-10", "2026-01-12", "100000", "200000",
                Map.of(YearMonth.of(2026, 2), Money.of("100000"), YearMonth.of(2026, 3), Money.of("100000"),
                        YearMonth.of(2026, 4), Money.of("100000.01"))));
        assertThat(sumByRule(result, RuleCode.R4_KICKER)).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void aCapLimitsTheLineAndSaysSo() {
        SalesReferralRules capped = new SalesReferralRules(Money.of("500000"), new BigDecimal("0.20"),
                Money.of("100000"), new BigDecimal("0.005"), 15, 3, Money.of("1000000"), Money.of("1000"),
                Money.of("300000"), Money.of("500"), new Cap(new BigDecimal("0.10"), null));
        BonusCalculator withCap = new BonusCalculator(PlanBook.of(List.of(
                new PlanVersion<>(PlanKind.SALES_REFERRAL, 2, DefaultPlans.FROM, null, capped))), China2026.CALENDAR);

        BonusResult result = withCap.salesReferral(referral("2026-03-02", "2026-03-03", "250000", "600000", Map.of()));

        BonusLine line = result.lines().get(0);
        assertThat(line.amount()).isEqualTo(new BigDecimal("25000.00"));
        assertThat(line.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.key()).isEqualTo("explain.capped.share");
            assertThat(adjustment.args()).containsExactly("50,000.00", "25,000.00", "10%", "250,000.00");
        });
    }

    @Test
    void commercialDealsEarnPointThreePercentToTheCent() {
        BonusResult result = calculator.customerReferral(new CustomerReferralFacts(PropertyType.COMMERCIAL,
                new BigDecimal("1234567.00"), LocalDate.of(2026, 5, 20), true));
        assertThat(result.total()).isEqualTo(new BigDecimal("3703.70"));
    }

    @Test
    void parkingSpacesAndStorageRoomsEarnNothing() {
        for (PropertyType excluded : List.of(PropertyType.PARKING, PropertyType.STORAGE)) {
            BonusResult result = calculator.customerReferral(new CustomerReferralFacts(excluded,
                    new BigDecimal("200000.00"), LocalDate.of(2026, 5, 20), true));
            assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.EXCLUDED_PROPERTY_TYPE);
        }
    }

    @Test
    void nothingIsPayableBeforeTheDealIsPaidInFull() {
        BonusResult result = calculator.customerReferral(new CustomerReferralFacts(PropertyType.RESIDENTIAL,
                new BigDecimal("1000000.00"), LocalDate.of(2026, 5, 20), false));
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NOT_PAID_IN_FULL);
    }

    @Test
    void aNonStackingPlanPaysTheHigherOfAFixedRewardAndAPercentage() {
        CustomerReferralRules rules = new CustomerReferralRules(Map.of(
                PropertyType.RESIDENTIAL, new CustomerReferralRules.Reward(false, new BigDecimal("0.01"), Money.CENT,
                        Money.of("5000")),
                PropertyType.COMMERCIAL, new CustomerReferralRules.Reward(false, null, null, Money.of("800")),
                PropertyType.PARKING, CustomerReferralRules.Reward.excludedType(),
                PropertyType.STORAGE, CustomerReferralRules.Reward.excludedType()), List.of(), false, null);
        BonusCalculator calculator = new BonusCalculator(PlanBook.of(List.of(
                new PlanVersion<>(PlanKind.CUSTOMER_REFERRAL, 2, DefaultPlans.FROM, null, rules))), China2026.CALENDAR);

        BonusResult small = calculator.customerReferral(new CustomerReferralFacts(PropertyType.RESIDENTIAL,
                Money.of("300000"), LocalDate.of(2026, 5, 20), true));
        BonusResult large = calculator.customerReferral(new CustomerReferralFacts(PropertyType.RESIDENTIAL,
                Money.of("800000"), LocalDate.of(2026, 5, 20), true));

        assertThat(small.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal("5000.00"));
            assertThat(line.adjustments()).extracting(Explanation::key).containsExactly("explain.notStacked");
        });
        assertThat(large.total()).isEqualTo(new BigDecimal("8000.00"));
    }

    @Test
    void tiedReferrersShareARankAndTheNextRankIsSkipped() {
        List<BonusCalculator.RankingAward> awards = calculator.quarterlyRanking(new Quarter(2026, 2), List.of(
                new BonusCalculator.ReferrerTotal("a", Money.of("900000")),
                new BonusCalculator.ReferrerTotal("b", Money.of("700000")),
                new BonusCalculator.ReferrerTotal("c", Money.of("700000")),
                new BonusCalculator.ReferrerTotal("d", Money.of("500000")),
                new BonusCalculator.ReferrerTotal("e", Money.of("400000")),
                new BonusCalculator.ReferrerTotal("f", Money.of("300000"))));

        assertThat(awards).extracting(BonusCalculator.RankingAward::referrer, BonusCalculator.RankingAward::rank,
                award -> award.line().amount()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 1, new BigDecimal("8000.00")),
                org.assertj.core.groups.Tuple.tuple("b", 2, new BigDecimal("5000.00")),
                org.assertj.core.groups.Tuple.tuple("c", 2, new BigDecimal("5000.00")),
                org.assertj.core.groups.Tuple.tuple("d", 4, new BigDecimal("3000.00")),
                org.assertj.core.groups.Tuple.tuple("e", 5, new BigDecimal("3000.00")));
        assertThat(awards.get(0).line().earnedOn()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @ParameterizedTest(name = "{0} clients: R3 {1}")
    @CsvSource({"0, ", "1, 50.00", "4, 50.00", "5, 100.00", "9, 100.00", "10, 200.00", "57, 200.00"})
    void theMonthlyCountPaysTheHighestTierReached(int clients, String bonus) {
        BonusResult result = calculator.monthlyCount(YearMonth.of(2026, 3), clients);
        assertThat(sumByRule(result, RuleCode.R3)).isEqualTo(bonus == null ? null : new BigDecimal(bonus));
    }

    private static SalesReferralFacts referral(String signed, String applied, String contract, String annualSales,
            Map<YearMonth, BigDecimal> months) {
        return new SalesReferralFacts(LocalDate.parse(signed), LocalDate.parse(applied), new BigDecimal(contract),
                new BigDecimal(annualSales), months);
    }
}
