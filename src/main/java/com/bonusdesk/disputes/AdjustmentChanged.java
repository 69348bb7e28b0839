package com.bonusdesk.disputes;

/** Published whenever an adjustment is made or decided, inside the transaction that did it. */
public record AdjustmentChanged(String actor, long adjustmentId, String label, String from, String to,
        String reason) {
}
