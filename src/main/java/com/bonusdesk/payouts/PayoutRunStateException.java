package com.bonusdesk.payouts;

/** The run is not in a state that allows what was asked (approve a paid run, pay a draft). */
public class PayoutRunStateException extends RuntimeException {

    private final PayoutRunStatus status;

    PayoutRunStateException(Long runId, PayoutRunStatus status) {
        super("Payout run " + runId + " is " + status);
        this.status = status;
    }

    public PayoutRunStatus status() {
        return status;
    }
}
