package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.bonusdesk.calculation.Relationship;

/** What a referral application states about the client and its contract. */
public record ReferralFacts(String clientCode, String clientName, String contractNumber, LocalDate signedDate,
        BigDecimal contractAmount, BigDecimal clientAnnualSales, Relationship relationship, String evidence) {
}
