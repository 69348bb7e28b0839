package com.bonusdesk.estimates;

/** The bounds of what the estimator accepts; amounts have at most 12 digits and 2 decimals. */
final class Limits {

    static final String MAX_AMOUNT = "999999999999.99";
    static final String MIN_REFUND = "-999999999999.99";
    static final int AMOUNT_DIGITS = 12;
    static final int AMOUNT_DECIMALS = 2;
    static final int MAX_ROWS = 60;

    private Limits() {
    }
}
