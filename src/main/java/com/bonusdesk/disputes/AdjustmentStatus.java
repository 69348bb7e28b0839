package com.bonusdesk.disputes;

/** Where an adjustment stands: its line is written once it is approved. */
public enum AdjustmentStatus {
    WAITING_APPROVAL,
    APPROVED,
    REJECTED
}
