package com.bonusdesk.web;

import jakarta.validation.constraints.NotBlank;

import com.bonusdesk.refusal.Refusal;

/**
 * An approve-or-reject decision, {@code {decision: APPROVE|REJECT, reason}}, as the API takes it and as the
 * screens post it: a rejection needs a reason, and a reason has at most 1,000 characters.
 */
public record DecisionRequest(@NotBlank(message = "{claim.decision.unknown}") String decision, String reason) {

    private static final int MAX_REASON = 1000;

    public boolean approves() {
        return "APPROVE".equals(decision);
    }

    /**
     * The trimmed reason (none when blank) of a decision that can be acted on; otherwise a refusal naming the
     * field: an unknown decision, a rejection without a reason (said with {@code reasonRequiredKey}), or a reason
     * too long.
     */
    public String checkedReason(String reasonRequiredKey) {
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new Refusal.InvalidInput("decision", "claim.decision.unknown");
        }
        String given = reason == null ? "" : reason.strip();
        if (!approves() && given.isEmpty()) {
            throw new Refusal.InvalidInput("reason", reasonRequiredKey);
        }
        if (given.length() > MAX_REASON) {
            throw new Refusal.InvalidInput("reason", "claim.reason.size");
        }
        return given.isEmpty() ? null : given;
    }
}
