package com.bonusdesk.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

/**
 * An approve-or-reject request as the API takes it, {@code {decision: APPROVE|REJECT, reason}}: a rejection
 * needs a reason, and a reason has at most 1,000 characters.
 */
public record DecisionRequest(@NotBlank(message = "{claim.decision.unknown}") String decision, String reason) {

    private static final int MAX_REASON = 1000;

    /** Whether it approves; anything but APPROVE or REJECT is a 400 naming the field. */
    public boolean approves() {
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw invalid("decision", "claim.decision.unknown");
        }
        return "APPROVE".equals(decision);
    }

    /** The reason as given, trimmed, or none; a rejection without one is a 400 saying {@code reasonRequiredKey}. */
    public String checkedReason(String reasonRequiredKey) {
        String given = reason == null ? "" : reason.strip();
        if (!approves() && given.isEmpty()) {
            throw invalid("reason", reasonRequiredKey);
        }
        if (given.length() > MAX_REASON) {
            throw invalid("reason", "claim.reason.size");
        }
        return given.isEmpty() ? null : given;
    }

    private static InvalidInputException invalid(String field, String key) {
        return new InvalidInputException(List.of(new InvalidInputException.FieldProblem(field, key)));
    }
}
