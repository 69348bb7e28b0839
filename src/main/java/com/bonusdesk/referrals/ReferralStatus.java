package com.bonusdesk.referrals;

/** Where a referral application stands. */
public enum ReferralStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    CANCELLED
}
