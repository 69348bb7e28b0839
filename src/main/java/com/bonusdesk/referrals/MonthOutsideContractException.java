package com.bonusdesk.referrals;

import java.time.YearMonth;

/** A contract month is recorded from the month of the signing up to the current month. */
public class MonthOutsideContractException extends RuntimeException {

    private final YearMonth first;
    private final YearMonth last;

    MonthOutsideContractException(YearMonth first, YearMonth last) {
        super("A contract month lies between " + first + " and " + last);
        this.first = first;
        this.last = last;
    }

    public YearMonth first() {
        return first;
    }

    public YearMonth last() {
        return last;
    }
}
