package com.bonusdesk.claims;

/** Published whenever a claim changes status, inside the transaction that changed it. */
public record ClaimChanged(String actor, long claimId, String label, String from, String to, String reason) {
}
