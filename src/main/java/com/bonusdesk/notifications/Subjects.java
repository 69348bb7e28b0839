package com.bonusdesk.notifications;

import java.util.Map;

/** Where each kind of item of the approval workflow is seen: its own page, and the queue that lists it. */
final class Subjects {

    private static final Map<String, String> ITEM = Map.of(
            "CLAIM", "/claims/%d",
            "REFERRAL", "/referrals/%d",
            "CUSTOMER_REFERRAL", "/customer-referrals/%d",
            "ADJUSTMENT", "/adjustments/%d",
            "KEY_ACCOUNT_AGREEMENT", "/key-accounts",
            "LINE_APPROVAL", "/rebate-approvals");

    private static final Map<String, String> QUEUE = Map.of(
            "CLAIM", "/approvals",
            "REFERRAL", "/hr/referrals",
            "CUSTOMER_REFERRAL", "/customer-referrals/approvals",
            "ADJUSTMENT", "/adjustments",
            "KEY_ACCOUNT_AGREEMENT", "/key-accounts",
            "LINE_APPROVAL", "/rebate-approvals");

    private Subjects() {
    }

    static String item(String subjectType, long id) {
        return ITEM.getOrDefault(subjectType, "/").formatted(id);
    }

    static String queue(String subjectType) {
        return QUEUE.getOrDefault(subjectType, "/");
    }

    /** The subject type as message keys name it; an unknown one is worded as "an item". */
    static String known(String subjectType) {
        return ITEM.containsKey(subjectType) ? subjectType : "OTHER";
    }
}
