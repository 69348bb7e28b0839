package com.bonusdesk.calculation;

import java.math.BigDecimal;

/**
 * R4: a share of the contract by the client's class (annual sales), an application deadline in working days
 * after signing, and a once-per-referral kicker when the client's contracts over consecutive months add up to
 * more than a threshold.
 */
public record SalesReferralRules(
        BigDecimal bigClientMinSales,
        BigDecimal bigClientRate,
        BigDecimal ordinaryClientMinSales,
        BigDecimal ordinaryClientRate,
        int applicationWorkingDays,
        int kickerMonths,
        BigDecimal bigKickerThreshold,
        BigDecimal bigKickerBonus,
        BigDecimal ordinaryKickerThreshold,
        BigDecimal ordinaryKickerBonus,
        Cap cap) implements PlanRules {

    public SalesReferralRules {
        InvalidRulesException.check("ordinaryClientMinSales", ordinaryClientMinSales).positive();
        InvalidRulesException.check("bigClientMinSales", bigClientMinSales).positive();
        if (bigClientMinSales.compareTo(ordinaryClientMinSales) <= 0) {
            throw new InvalidRulesException("bigClientMinSales", "aboveOrdinary", Money.show(ordinaryClientMinSales));
        }
        InvalidRulesException.check("bigClientRate", bigClientRate).rate();
        InvalidRulesException.check("ordinaryClientRate", ordinaryClientRate).rate();
        InvalidRulesException.between("applicationWorkingDays", applicationWorkingDays, 0, 366);
        InvalidRulesException.between("kickerMonths", kickerMonths, 1, 36);
        InvalidRulesException.check("bigKickerThreshold", bigKickerThreshold).notNegative();
        InvalidRulesException.check("bigKickerBonus", bigKickerBonus).notNegative();
        InvalidRulesException.check("ordinaryKickerThreshold", ordinaryKickerThreshold).notNegative();
        InvalidRulesException.check("ordinaryKickerBonus", ordinaryKickerBonus).notNegative();
    }

    @Override
    public PlanKind kind() {
        return PlanKind.SALES_REFERRAL;
    }
}
