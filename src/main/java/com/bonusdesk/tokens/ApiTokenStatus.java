package com.bonusdesk.tokens;

/** Whether a token still lets its holder in. */
public enum ApiTokenStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
