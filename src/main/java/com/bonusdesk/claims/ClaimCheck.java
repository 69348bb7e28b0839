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
}
