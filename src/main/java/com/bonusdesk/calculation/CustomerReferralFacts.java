package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The facts of a customer referral (R5): what the new customer bought, when, and whether it is paid in full. */
public record CustomerReferralFacts(PropertyType propertyType, BigDecimal dealAmount, LocalDate signedDate,
        boolean paidInFull) {
}
