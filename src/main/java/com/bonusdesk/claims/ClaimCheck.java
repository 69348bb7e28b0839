package com.bonusdesk.claims;

import java.util.List;

import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.Explanation;

/**
 * What checking a claim before it is saved found: the refusals (each with a stable code and words), and
 * what the claim would earn if its order were collected in full on the order date.
 */
public record ClaimCheck(List<Refusal> refusals, BonusResult estimate) {

    /** A reason the claim cannot be submitted: a rule's reason code, or RENAMED_CLIENT / ALREADY_CLAIMED. */
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
