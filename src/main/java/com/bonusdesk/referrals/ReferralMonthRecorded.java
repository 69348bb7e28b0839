package com.bonusdesk.referrals;

/** Published when a referred client's contract amount for a month is recorded or corrected. */
public record ReferralMonthRecorded(String actor, long referralId, String label, String month, String before,
        String after) {
}
