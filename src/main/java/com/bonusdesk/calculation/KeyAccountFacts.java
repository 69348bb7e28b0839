package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A key account's month: its purchases (orders dated in the month, returns negative), the mode it chose for the
 * year, and its individual agreement for the month, if it has one.
 */
public record KeyAccountFacts(YearMonth month, BigDecimal purchases, KeyAccountMode mode, Agreement agreement) {

    /** An individual agreement (单独制定优惠方案): a rate (a fraction) or a fixed amount for the month. */
    public record Agreement(BigDecimal rate, BigDecimal amount) {

        public Agreement {
            if ((rate == null) == (amount == null)) {
                throw new IllegalArgumentException("An agreement is a rate or an amount");
            }
        }
    }
}
