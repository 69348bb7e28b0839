package com.bonusdesk.referrals;

/** The application is no longer waiting for this: someone decided it first. */
public class ReferralDecidedException extends RuntimeException {

    ReferralDecidedException(Long referralId, ReferralStatus status) {
        super("Referral " + referralId + " is already " + status);
    }
}
