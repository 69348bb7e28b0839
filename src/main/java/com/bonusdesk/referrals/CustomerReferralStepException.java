package com.bonusdesk.referrals;

/** The customer referral is not at the step this asks for (already decided, not yet paid in full). */
public class CustomerReferralStepException extends RuntimeException {

    CustomerReferralStepException(Long id, CustomerReferralStatus status) {
        super("Customer referral " + id + " is " + status);
    }
}
