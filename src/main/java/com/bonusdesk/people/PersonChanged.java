package com.bonusdesk.people;

/**
 * Published whenever a person's account changes, inside the transaction that changed it, so that the audit
 * trail is written together with the change or not at all.
 *
 * @param actor username of who made the change
 * @param before the person's facts before the change; null when the person was just created
 * @param after the person's facts after the change
 */
public record PersonChanged(String actor, long personId, String username, Change change, String before, String after) {

    public enum Change {
        CREATED,
        UPDATED,
        PASSWORD_RESET,
        DEACTIVATED,
        REACTIVATED
    }
}
