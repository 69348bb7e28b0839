package com.bonusdesk.rebates;

/** Published whenever money waiting for approval is held, approved or rejected, inside the transaction that did it. */
public record LineApprovalChanged(String actor, long approvalId, String label, String from, String to,
        String reason) {
}
