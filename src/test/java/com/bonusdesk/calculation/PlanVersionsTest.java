package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.bonusdesk.calculation.PolicyExamplesTest.collect;
import static com.bonusdesk.calculation.PolicyExamplesTest.order;
import static com.bonusdesk.calculation.PolicyExamplesTest.sumByRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanVersionsTest {

    @Test
    void anOrderIsComputedWithTheVersionInForceOnItsDateEvenAfterANewerOneIsPublished() {
        NewClientRules richer = new NewClientRules(1, Money.of("500"), 10, new BigDecimal("0.12"),
                new BigDecimal("0.05"), 30);
        List<PlanVersion<?>> versions = new ArrayList<>(List.of(
                new PlanVersion<>(PlanKind.NEW_CLIENT, 1, DefaultPlans.FROM, LocalDate.of(2026, 5, 31),
                        DefaultPlans.NEW_CLIENT),
                new PlanVersion<>(PlanKind.NEW_CLIENT, 2, LocalDate.of(2026, 6, 1), null, richer),
                new PlanVersion<>(PlanKind.ORDER_SIZE_TIER, 1, DefaultPlans.FROM, null, DefaultPlans.ORDER_SIZE)));
        BonusCalculator calculator = new BonusCalculator(PlanBook.of(versions), China2026.CALENDAR);

        BonusResult may = calculator.newClient(order(LocalDate.of(2026, 5, 31), "1000.00", 1, false, false, null,
                collect("2026-06-10", "1000.00")));
        BonusResult june = calculator.newClient(order(LocalDate.of(2026, 6, 1), "1000.00", 1, false, false, null,
                collect("2026-06-10", "1000.00")));

        assertThat(sumByRule(may, RuleCode.R1)).isEqualTo(new BigDecimal("100.00"));
        assertThat(may.lines().get(0).planVersion()).isEqualTo("NEW_CLIENT v1");
        assertThat(sumByRule(june, RuleCode.R1)).isEqualTo(new BigDecimal("120.00"));
        assertThat(june.lines().get(0).planVersion()).isEqualTo("NEW_CLIENT v2");
    }

    @Test
    void aTierTableMustBeOrderedAndEndOpen() {
        assertThatThrownBy(() -> new OrderSizeTiers(List.of(
                new OrderSizeTiers.Tier(Money.of("10000"), Money.of("200")),
                new OrderSizeTiers.Tier(Money.of("1000"), Money.of("50")),
                new OrderSizeTiers.Tier(null, Money.of("500")))))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> {
                    assertThat(e.field()).isEqualTo("tiers[1].upTo");
                    assertThat(e.explanation().key()).isEqualTo("plan.invalid.tiersAscending");
                });
        assertThatThrownBy(() -> new OrderSizeTiers(List.of(new OrderSizeTiers.Tier(Money.of("1000"), Money.of("50")))))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.explanation().key()).isEqualTo("plan.invalid.lastTierOpen"));
    }

    @Test
    void countTiersStartAtOneClientAndRise() {
        assertThatThrownBy(() -> new MonthlyCountTiers(List.of(new MonthlyCountTiers.Tier(2, Money.of("50")))))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.explanation().key()).isEqualTo("plan.invalid.firstTierFromOne"));
        assertThatThrownBy(() -> new MonthlyCountTiers(List.of(new MonthlyCountTiers.Tier(1, Money.of("50")),
                new MonthlyCountTiers.Tier(1, Money.of("100")))))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.field()).isEqualTo("tiers[1].from"));
    }

    @Test
    void ratesLieBetweenZeroAndOneHundredPercent() {
        assertThatThrownBy(() -> new NewClientRules(1, Money.of("500"), 10, new BigDecimal("1.01"),
                new BigDecimal("0.05"), 30))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> {
                    assertThat(e.field()).isEqualTo("listPriceRate");
                    assertThat(e.explanation().key()).isEqualTo("plan.invalid.rate");
                });
        assertThatThrownBy(() -> new NewClientRules(1, Money.of("500"), 10, new BigDecimal("0.10"),
                new BigDecimal("-0.01"), 30))
                .isInstanceOfSatisfying(InvalidRulesException.class,
                        e -> assertThat(e.field()).isEqualTo("belowListRate"));
    }

    @Test
    void aDeadlineOrWindowCannotBeSoLongThatDateArithmeticRunsAway() {
        assertThatThrownBy(() -> new SalesReferralRules(Money.of("500000"), new BigDecimal("0.01"), Money.of("100000"),
                new BigDecimal("0.005"), 1_000_000, 3, Money.of("1000000"), Money.of("1000"), Money.of("300000"),
                Money.of("500"), null))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> {
                    assertThat(e.field()).isEqualTo("applicationWorkingDays");
                    assertThat(e.explanation()).isEqualTo(Explanation.of("plan.invalid.atMost", 366));
                });
    }

    @Test
    void aVersionCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new PlanVersion<>(PlanKind.NEW_CLIENT, 1, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 31), DefaultPlans.NEW_CLIENT)).isInstanceOf(IllegalArgumentException.class);
    }
}
