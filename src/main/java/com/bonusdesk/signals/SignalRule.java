package com.bonusdesk.signals;

/** What a signal found, by the rule that found it. */
public enum SignalRule {
    /** Orders of one client within a few days, each under a boundary the plan pays at, together over it. */
    SPLIT_ORDER,
    /** A salesperson's claimed amounts sit just above a boundary far more often than the company's. */
    THRESHOLD_CLUSTER,
    /** One bank account on several payees. */
    SHARED_BANK_ACCOUNT,
    /** A referral between people who are one: the same mobile or contract on both sides. */
    RELATED_PARTY,
    /** A bonus paid on money that was refunded soon after. */
    CLAWBACK_RISK,
    /** Claims submitted in a burst just before a plan version ends. */
    TIMING
}
