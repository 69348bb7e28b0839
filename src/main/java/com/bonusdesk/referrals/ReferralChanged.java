package com.bonusdesk.referrals;

/** Published whenever a referral application changes status, inside the transaction that changed it. */
public record ReferralChanged(String actor, long referralId, String label, String from, String to, String reason) {
}
