package com.bonusdesk.claims;

import java.util.List;

import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.refusal.Refusal;

/**
 * What checking a claim before it is saved found: the refusals (each with a stable code and words), and
 * what the claim would earn if its order were collected in full on the order date.
 */
public record ClaimCheck(List<Refusal.Reason> refusals, BonusResult estimate) {

    public boolean acceptable() {
        return refusals.isEmpty();
    }
}
