package com.bonusdesk.referrals;

import java.time.LocalDate;
import java.util.List;

import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.Explanation;

/**
 * What checking an application before it is filed found: the refusals (each with a stable code and words),
 * the deadline for filing it, and what it would earn.
 */
public record ReferralCheck(List<Refusal> refusals, LocalDate deadline, BonusResult estimate) {

    /** A reason the application is refused: a rule's reason code, or ALREADY_REFERRED, RELATED_PARTY, SELF_REFERRAL. */
    public record Refusal(String code, Explanation explanation) {
    }

    public boolean acceptable() {
        return refusals.isEmpty();
    }

    /** The refusals as the one refusal the API and pages answer with. */
    public com.bonusdesk.refusal.Refusal.NotEligible refusal() {
        return new com.bonusdesk.refusal.Refusal.NotEligible(refusals.stream()
                .map(refusal -> new com.bonusdesk.refusal.Refusal.Reason(refusal.code(), refusal.explanation().key(),
                        List.<Object>copyOf(refusal.explanation().args())))
                .toList());
    }
}
