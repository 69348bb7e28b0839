package com.bonusdesk.payouts;

/** Where a weekly payout run stands. */
public enum PayoutRunStatus {
    /** The job is gathering and netting the week's lines. */
    BUILDING,
    /** The job stopped before it finished; it can be resumed and will pay nothing twice. */
    FAILED,
    /** Built, waiting for a director's decision. */
    DRAFT,
    /** Approved: frozen, ready to export and pay. */
    APPROVED,
    /** Rejected with a reason: its lines are free for the next run. */
    REJECTED,
    /** Paid on its payment date. */
    PAID;

    /** Whether a run in this status has been approved for payment. */
    public boolean isApproved() {
        return this == APPROVED || this == PAID;
    }
}
