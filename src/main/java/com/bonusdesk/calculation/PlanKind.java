package com.bonusdesk.calculation;

/** The incentive plans; each has versions, and each version its own parameters. */
public enum PlanKind {
    NEW_CLIENT(NewClientRules.class),
    ORDER_SIZE_TIER(OrderSizeTiers.class),
    MONTHLY_COUNT_TIER(MonthlyCountTiers.class),
    SALES_REFERRAL(SalesReferralRules.class),
    CUSTOMER_REFERRAL(CustomerReferralRules.class),
    KEY_ACCOUNT(KeyAccountRules.class),
    DEALER(DealerRules.class);

    private final Class<? extends PlanRules> rulesType;

    PlanKind(Class<? extends PlanRules> rulesType) {
        this.rulesType = rulesType;
    }

    public Class<? extends PlanRules> rulesType() {
        return rulesType;
    }
}
