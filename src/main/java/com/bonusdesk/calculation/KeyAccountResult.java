package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a key account's month gives: in cash mode, an R7 line in {@code result}; in discount mode no line but a
 * {@code discountRate} for the orders of {@code appliesTo}, the next month. Never both.
 */
public record KeyAccountResult(BonusResult result, BigDecimal discountRate, YearMonth appliesTo) {

    public boolean hasDiscount() {
        return discountRate != null;
    }
}
