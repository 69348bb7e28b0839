package com.bonusdesk.customerreferrals;

/** Where a customer referral stands, from the first visit to the approved reward. */
public enum CustomerReferralStatus {
    /** The new customer's first visit is registered with its referrer. */
    REGISTERED,
    /** The deal is signed but not yet paid in full. */
    DEAL_SIGNED,
    /** The deal earns nothing (parking, storage). */
    NOT_ELIGIBLE,
    /** Signed and paid in full: waiting for the sales manager. */
    AWAITING_MANAGER,
    /** The sales manager approved: waiting for the general manager. */
    AWAITING_DIRECTOR,
    APPROVED,
    REJECTED
}
