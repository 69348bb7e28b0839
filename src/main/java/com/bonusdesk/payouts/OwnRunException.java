package com.bonusdesk.payouts;

/** The person who built a run may not approve or reject it. */
public class OwnRunException extends RuntimeException {

    OwnRunException(long runId) {
        super("The builder of payout run " + runId + " cannot decide it");
    }
}
