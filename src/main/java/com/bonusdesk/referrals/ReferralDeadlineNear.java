package com.bonusdesk.referrals;

import java.time.LocalDate;

/** A referral its referrer meant to file is due within a few working days and is not filed yet. */
public record ReferralDeadlineNear(long reminderId, long personId, String clientName, LocalDate deadline,
        int workingDaysLeft) {
}
