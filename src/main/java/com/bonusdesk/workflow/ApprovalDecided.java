package com.bonusdesk.workflow;

/**
 * Published when an item's approval ends in a decision (its last step approved, or any step rejected), inside the
 * transaction that decided it.
 */
public record ApprovalDecided(String subjectType, long subjectId, long submitterId, boolean approved,
        String decidedBy, String reason) {
}
