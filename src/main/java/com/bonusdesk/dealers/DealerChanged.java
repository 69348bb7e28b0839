package com.bonusdesk.dealers;

/** Published whenever a dealer is flagged or its target set, inside the transaction that did it. */
public record DealerChanged(String actor, long dealerId, String label, String action, String before,
        String after) {
}
