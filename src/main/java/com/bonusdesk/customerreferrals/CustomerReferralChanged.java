package com.bonusdesk.customerreferrals;

/** Published whenever a customer referral changes status, inside the transaction that changed it. */
public record CustomerReferralChanged(String actor, long customerReferralId, String label, String from, String to,
        String reason) {
}
