package com.bonusdesk.tokens;

/**
 * Published when a token is created or revoked, inside the transaction that did it.
 *
 * @param label the token's owner and name, e.g. {@code finance1: ERP}
 * @param reason why it was revoked, when not by its owner's choice
 */
public record ApiTokenChanged(String actor, long tokenId, String label, Change change, String after, String reason) {

    public enum Change {
        CREATED,
        REVOKED
    }
}
