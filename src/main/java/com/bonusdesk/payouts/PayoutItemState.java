package com.bonusdesk.payouts;

/**
 * Where a line stands in a run ({@code payout_item.state}). A line is {@link #IN_RUN} in at most one run at a time,
 * by the partial unique index {@code payout_item_line_once}; queries that look for such lines write the literal
 * {@code state = 'IN_RUN'} so that PostgreSQL can match the index's predicate.
 */
enum PayoutItemState {
    /** Held by the run: paid with it once it is paid. */
    IN_RUN,
    /** Its payee's lines netted below zero: left for the next run. */
    CARRIED_FORWARD,
    /** The run was rejected: free for the next run. */
    RELEASED
}
