package com.bonusdesk.web;

import java.util.List;

/** Well-formed input the rules refuse: 422 with every reason, each a stable code and words for a person. */
public class NotEligibleException extends RuntimeException {

    /** A reason with its code and its message, already in the reader's language. */
    public record Reason(String code, String message) {
    }

    private final List<Reason> reasons;

    public NotEligibleException(List<Reason> reasons) {
        super("Not eligible: " + reasons.stream().map(Reason::code).toList());
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
