package com.bonusdesk.claims;

/** The life of a claim. */
public enum ClaimStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    CANCELLED;

    public boolean isLive() {
        return this == SUBMITTED || this == APPROVED;
    }
}
