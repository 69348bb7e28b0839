package com.bonusdesk.calculation;

import java.math.BigDecimal;

/**
 * R1: who is a new client, which order qualifies, and what share of the money collected within the window
 * is paid.
 *
 * @param newClientYears a client with an order in this many years before the order date is not new
 * @param minOrderAmount an order of at least this amount qualifies ...
 * @param minUnits ... and so does one of at least this many units
 * @param listPriceRate the share paid when sold at or above list price
 * @param belowListRate the share paid when sold below list price with the manager's approval
 * @param collectionWindowDays money collected on or before the order date plus this many days counts
 */
public record NewClientRules(int newClientYears, BigDecimal minOrderAmount, int minUnits, BigDecimal listPriceRate,
        BigDecimal belowListRate, int collectionWindowDays) implements PlanRules {

    public NewClientRules {
        InvalidRulesException.between("newClientYears", newClientYears, 1, 50);
        InvalidRulesException.check("minOrderAmount", minOrderAmount).notNegative();
        InvalidRulesException.between("minUnits", minUnits, 1, 100_000_000);
        InvalidRulesException.check("listPriceRate", listPriceRate).rate();
        InvalidRulesException.check("belowListRate", belowListRate).rate();
        InvalidRulesException.between("collectionWindowDays", collectionWindowDays, 0, 3660);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.NEW_CLIENT;
    }
}
