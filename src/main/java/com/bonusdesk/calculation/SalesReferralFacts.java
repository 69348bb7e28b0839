package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The facts of a sales referral (R4).
 *
 * @param monthlyContractAmounts the referred client's contract amounts by month, for the kicker
 */
public record SalesReferralFacts(LocalDate signedDate, LocalDate applicationDate, BigDecimal contractAmount,
        BigDecimal clientAnnualSales, Map<YearMonth, BigDecimal> monthlyContractAmounts) {

    public SalesReferralFacts {
        monthlyContractAmounts = Map.copyOf(monthlyContractAmounts);
        if (applicationDate.isBefore(signedDate)) {
            throw new IllegalArgumentException("An application cannot be dated before the signing");
        }
    }
}
