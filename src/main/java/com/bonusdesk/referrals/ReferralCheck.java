package com.bonusdesk.referrals;

import java.time.LocalDate;
import java.util.List;

import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.refusal.Refusal;

/**
 * What checking an application before it is filed found: the refusals (each with a stable code and words; a
 * rule's reason, or ALREADY_REFERRED, RELATED_PARTY, SELF_REFERRAL), the deadline for filing it, and what it would
 * earn.
 */
public record ReferralCheck(List<Refusal.Reason> refusals, LocalDate deadline, BonusResult estimate) {

    public boolean acceptable() {
        return refusals.isEmpty();
    }
}
