package com.bonusdesk.disputes;

/** Where a dispute stands: open until finance answers it (closed) or corrects it with an adjustment (resolved). */
public enum DisputeStatus {
    OPEN,
    CLOSED,
    RESOLVED
}
