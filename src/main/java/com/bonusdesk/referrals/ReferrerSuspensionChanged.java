package com.bonusdesk.referrals;

/** Published when a referrer is suspended from R4, or HR lifts the suspension early. */
public record ReferrerSuspensionChanged(String actor, long suspensionId, String label, String from, String to,
        String reason) {
}
