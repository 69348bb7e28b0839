package com.bonusdesk.keyaccounts;

/** Published whenever a key account is designated or changed, inside the transaction that did it. */
public record KeyAccountChanged(String actor, long keyAccountId, String label, String action, String before,
        String after) {
}
