package com.bonusdesk.calculation;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a line becomes payable in the weekly run, by the cadence of its rule (POLICY.md R1–R5). */
class PayoutCadenceTest {

    @ParameterizedTest(name = "{0} earned {1} is payable from {2}")
    @CsvSource({
            "R1,         2026-03-20, 2026-03-20",
            "R2,         2026-03-20, 2026-03-20",
            "R3,         2026-04-01, 2026-04-01",
            "R4,         2026-03-20, 2026-04-01",
            "R4,         2026-03-31, 2026-04-01",
            "R4,         2026-04-01, 2026-05-01",
            "R4_KICKER,  2026-12-31, 2027-01-01",
            "R5,         2026-03-20, 2026-03-20",
            "R5_RANKING, 2026-03-31, 2026-03-31"})
    void referralLinesWaitForTheirMonthToEndAndEveryOtherLineIsPayableWhenEarned(RuleCode rule, LocalDate earnedOn,
            LocalDate payable) {
        assertThat(rule.dueOn(earnedOn)).isEqualTo(payable);
    }

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
            "R1, NEW_CLIENT", "R2, ORDER_SIZE_TIER", "R3, MONTHLY_COUNT_TIER", "R4, SALES_REFERRAL",
            "R4_KICKER, SALES_REFERRAL", "R5, CUSTOMER_REFERRAL", "R5_RANKING, CUSTOMER_REFERRAL"})
    void everyRulesSpendCountsAgainstItsPlansBudget(RuleCode rule, PlanKind plan) {
        assertThat(rule.plan()).isEqualTo(plan);
    }
}
