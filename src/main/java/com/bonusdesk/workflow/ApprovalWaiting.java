package com.bonusdesk.workflow;

import java.util.Set;

/**
 * Published when a step of an item's chain opens, inside the transaction that opened it: the people who may take
 * it now, as their queues would list it.
 */
public record ApprovalWaiting(String subjectType, long subjectId, long submitterId, Set<Long> approvers) {

    public ApprovalWaiting {
        approvers = Set.copyOf(approvers);
    }
}
