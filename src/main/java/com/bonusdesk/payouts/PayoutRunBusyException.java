package com.bonusdesk.payouts;

/** Someone, in this instance or another, is building the run right now. */
public class PayoutRunBusyException extends RuntimeException {

    PayoutRunBusyException(long runId) {
        super("Payout run " + runId + " is being built");
    }
}
