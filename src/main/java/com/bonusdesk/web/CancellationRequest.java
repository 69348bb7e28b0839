package com.bonusdesk.web;

import com.bonusdesk.refusal.Refusal;

/** Cancelling something already approved, {@code {reason}}: the reason is required, at most 1,000 characters. */
public record CancellationRequest(String reason) {

    private static final int MAX_REASON = 1000;

    /** The trimmed reason of a cancellation that can go ahead; otherwise a refusal naming the field. */
    public String checkedReason() {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            throw new Refusal.InvalidInput("reason", "claim.cancel.reasonRequired");
        }
        if (given.length() > MAX_REASON) {
            throw new Refusal.InvalidInput("reason", "claim.reason.size");
        }
        return given;
    }
}
