package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The facts of a sales referral (R4).
 *
 * @param monthlyContractAmounts the referred client's contract amounts by month, for the kicker
 * @param clientLastOrderDate the referred client's latest order before the signing, by the ERP; null when it has
 *        none, or when newness was settled already (an approved application)
 */
public record SalesReferralFacts(LocalDate signedDate, LocalDate applicationDate, BigDecimal contractAmount,
        BigDecimal clientAnnualSales, Map<YearMonth, BigDecimal> monthlyContractAmounts,
        LocalDate clientLastOrderDate) {

    /** The facts of a referral whose client's newness is not in question. */
    public SalesReferralFacts(LocalDate signedDate, LocalDate applicationDate, BigDecimal contractAmount,
            BigDecimal clientAnnualSales, Map<YearMonth, BigDecimal> monthlyContractAmounts) {
        this(signedDate, applicationDate, contractAmount, clientAnnualSales, monthlyContractAmounts, null);
    }

    public SalesReferralFacts {
        monthlyContractAmounts = Map.copyOf(monthlyContractAmounts);
        if (applicationDate.isBefore(signedDate)) {
            throw new IllegalArgumentException("An application cannot be dated before the signing");
        }
    }
}
