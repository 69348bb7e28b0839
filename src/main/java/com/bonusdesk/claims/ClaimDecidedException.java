package com.bonusdesk.claims;

/** The claim is no longer waiting for this: someone decided or withdrew it first. */
public class ClaimDecidedException extends RuntimeException {

    private final ClaimStatus status;

    ClaimDecidedException(long claimId, ClaimStatus status) {
        super("Claim " + claimId + " is already " + status);
        this.status = status;
    }

    public ClaimStatus status() {
        return status;
    }
}
