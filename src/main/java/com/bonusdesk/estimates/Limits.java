package com.bonusdesk.estimates;

/** The bounds of what the estimator accepts beyond single amounts. */
final class Limits {

    static final int MAX_ROWS = 60;

    private Limits() {
    }
}
