package com.bonusdesk.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

/**
 * An approve-or-reject decision, {@code {decision: APPROVE|REJECT, reason}}, as the API takes it and as the
 * screens post it: a rejection needs a reason, and a reason has at most 1,000 characters.
 */
public record DecisionRequest(@NotBlank(message = "{claim.decision.unknown}") String decision, String reason) {

    private static final int MAX_REASON = 1000;

    public boolean approves() {
        return "APPROVE".equals(decision);
    }

    /** The reason given, trimmed; none when blank. */
    public String trimmedReason() {
        String given = reason == null ? "" : reason.strip();
        return given.isEmpty() ? null : given;
    }

    /**
     * What stops acting on it, as a field and a message key: an unknown decision, a rejection without a reason
     * (said with {@code reasonRequiredKey}), or a reason too long.
     */
    public Optional<InvalidInputException.FieldProblem> problem(String reasonRequiredKey) {
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            return Optional.of(new InvalidInputException.FieldProblem("decision", "claim.decision.unknown"));
        }
        String given = trimmedReason();
        if (!approves() && given == null) {
            return Optional.of(new InvalidInputException.FieldProblem("reason", reasonRequiredKey));
        }
        if (given != null && given.length() > MAX_REASON) {
            return Optional.of(new InvalidInputException.FieldProblem("reason", "claim.reason.size"));
        }
        return Optional.empty();
    }

    /** The trimmed reason of a decision that can be acted on; otherwise a 400 naming the field. */
    public String checkedReason(String reasonRequiredKey) {
        Optional<InvalidInputException.FieldProblem> problem = problem(reasonRequiredKey);
        if (problem.isPresent()) {
            throw new InvalidInputException(List.of(problem.get()));
        }
        return trimmedReason();
    }
}
