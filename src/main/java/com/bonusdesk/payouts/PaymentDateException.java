package com.bonusdesk.payouts;

import java.time.LocalDate;

/** A run is paid on a day between its build and today. */
public class PaymentDateException extends RuntimeException {

    private final LocalDate earliest;
    private final LocalDate latest;

    PaymentDateException(LocalDate earliest, LocalDate latest) {
        super("A payment date must lie between " + earliest + " and " + latest);
        this.earliest = earliest;
        this.latest = latest;
    }

    public LocalDate earliest() {
        return earliest;
    }

    public LocalDate latest() {
        return latest;
    }
}
