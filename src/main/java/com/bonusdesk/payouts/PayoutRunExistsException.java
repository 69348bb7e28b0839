package com.bonusdesk.payouts;

/** The week already has a run (building, waiting, approved or paid): building it again changes nothing. */
public class PayoutRunExistsException extends RuntimeException {

    private final transient PayoutRun existing;

    PayoutRunExistsException(PayoutRun existing) {
        super("Week ending " + existing.getWeekEnding() + " already has payout run " + existing.getId());
        this.existing = existing;
    }

    public PayoutRun existing() {
        return existing;
    }
}
