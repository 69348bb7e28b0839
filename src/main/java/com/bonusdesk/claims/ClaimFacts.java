package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a salesperson states in a claim, already checked for form (a valid client code, amounts in cents). */
public record ClaimFacts(String clientCode, String clientName, String orderNumber, LocalDate orderDate,
        BigDecimal orderAmount, int units, boolean belowListPrice, boolean packageDeal, String note) {
}
