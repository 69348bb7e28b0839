package com.bonusdesk.disputes;

/**
 * Published whenever a dispute is opened, answered, resolved or has its line held, inside the transaction that
 * did it.
 */
public record DisputeChanged(String actor, long disputeId, long payeeId, String label, String action, String from,
        String to, String reason) {
}
