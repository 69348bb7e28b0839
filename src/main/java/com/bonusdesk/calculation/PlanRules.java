package com.bonusdesk.calculation;

/** The parameters of one plan version. Each implementation checks its own invariants when built. */
public sealed interface PlanRules
        permits NewClientRules, OrderSizeTiers, MonthlyCountTiers, SalesReferralRules, CustomerReferralRules,
        KeyAccountRules, DealerRules {

    PlanKind kind();
}
