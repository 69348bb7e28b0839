package com.bonusdesk.web;

import java.util.List;
import java.util.Optional;

/** Cancelling something already approved, {@code {reason}}: the reason is required, at most 1,000 characters. */
public record CancellationRequest(String reason) {

    private static final int MAX_REASON = 1000;

    public String trimmedReason() {
        return reason == null ? "" : reason.strip();
    }

    /** What stops the cancellation, as a field and a message key: a missing or too long reason. */
    public Optional<InvalidInputException.FieldProblem> problem() {
        String given = trimmedReason();
        if (given.isEmpty()) {
            return Optional.of(new InvalidInputException.FieldProblem("reason", "claim.cancel.reasonRequired"));
        }
        return given.length() > MAX_REASON
                ? Optional.of(new InvalidInputException.FieldProblem("reason", "claim.reason.size"))
                : Optional.empty();
    }

    /** The trimmed reason of a cancellation that can go ahead; otherwise a 400 naming the field. */
    public String checkedReason() {
        Optional<InvalidInputException.FieldProblem> problem = problem();
        if (problem.isPresent()) {
            throw new InvalidInputException(List.of(problem.get()));
        }
        return trimmedReason();
    }
}
