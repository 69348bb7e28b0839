package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The plans a fresh installation ships with: the numbers of POLICY.md, in force from 2026-01-01. */
public final class DefaultPlans {

    public static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    public static final NewClientRules NEW_CLIENT = new NewClientRules(1, Money.of("500"), 10,
            new BigDecimal("0.10"), new BigDecimal("0.05"), 30);

    public static final OrderSizeTiers ORDER_SIZE = new OrderSizeTiers(List.of(
            new OrderSizeTiers.Tier(Money.of("1000"), Money.of("50")),
            new OrderSizeTiers.Tier(Money.of("10000"), Money.of("200")),
            new OrderSizeTiers.Tier(null, Money.of("500"))));

    public static final MonthlyCountTiers MONTHLY_COUNT = new MonthlyCountTiers(List.of(
            new MonthlyCountTiers.Tier(1, Money.of("50")),
            new MonthlyCountTiers.Tier(5, Money.of("100")),
            new MonthlyCountTiers.Tier(10, Money.of("200"))));

    public static final SalesReferralRules SALES_REFERRAL = new SalesReferralRules(
            Money.of("500000"), new BigDecimal("0.01"),
            Money.of("100000"), new BigDecimal("0.005"),
            15, 3,
            Money.of("1000000"), Money.of("1000"),
            Money.of("300000"), Money.of("500"),
            null);

    public static final CustomerReferralRules CUSTOMER_REFERRAL = new CustomerReferralRules(
            Map.of(
                    PropertyType.RESIDENTIAL, new CustomerReferralRules.Reward(false, new BigDecimal("0.002"),
                            Money.of("100"), null),
                    PropertyType.COMMERCIAL, new CustomerReferralRules.Reward(false, new BigDecimal("0.003"),
                            Money.CENT, null),
                    PropertyType.PARKING, CustomerReferralRules.Reward.excludedType(),
                    PropertyType.STORAGE, CustomerReferralRules.Reward.excludedType()),
            List.of(Money.of("8000"), Money.of("5000"), Money.of("3000"), Money.of("3000"), Money.of("3000")),
            false,
            null);

    /** R7 runs one calendar year (本方案有效期为一年). */
    public static final LocalDate KEY_ACCOUNT_TO = LocalDate.of(2026, 12, 31);

    public static final KeyAccountRules KEY_ACCOUNT = new KeyAccountRules(List.of(
            new KeyAccountRules.Tier(Money.of("100000"), new BigDecimal("0.20"), new BigDecimal("0.05")),
            new KeyAccountRules.Tier(Money.of("500000"), new BigDecimal("0.25"), new BigDecimal("0.07")),
            new KeyAccountRules.Tier(null, new BigDecimal("0.30"), new BigDecimal("0.10"))),
            Money.of("1000000"));

    public static final DealerRules DEALER = new DealerRules(
            List.of(new DealerRules.Step(Money.of("50000"), new BigDecimal("0.01")),
                    new DealerRules.Step(Money.of("200000"), new BigDecimal("0.02"))),
            List.of(new DealerRules.Step(Money.of("300000"), new BigDecimal("0.01")),
                    new DealerRules.Step(Money.of("1000000"), new BigDecimal("0.015"))),
            true, new BigDecimal("0.02"));

    private DefaultPlans() {
    }

    /** Version 1 of every plan, open-ended. */
    public static List<PlanVersion<?>> versions() {
        return List.of(
                new PlanVersion<>(PlanKind.NEW_CLIENT, 1, FROM, null, NEW_CLIENT),
                new PlanVersion<>(PlanKind.ORDER_SIZE_TIER, 1, FROM, null, ORDER_SIZE),
                new PlanVersion<>(PlanKind.MONTHLY_COUNT_TIER, 1, FROM, null, MONTHLY_COUNT),
                new PlanVersion<>(PlanKind.SALES_REFERRAL, 1, FROM, null, SALES_REFERRAL),
                new PlanVersion<>(PlanKind.CUSTOMER_REFERRAL, 1, FROM, null, CUSTOMER_REFERRAL),
                new PlanVersion<>(PlanKind.KEY_ACCOUNT, 1, FROM, KEY_ACCOUNT_TO, KEY_ACCOUNT),
                new PlanVersion<>(PlanKind.DEALER, 1, FROM, null, DEALER));
    }
}
