package com.bonusdesk.notifications;

/** What a notification tells of; each person chooses, per kind, which channels it reaches them by. */
public enum NotificationKind {
    /** An item waits for the person's decision; mailed in the daily digest, not one by one. */
    WAITING,
    /** The person's claim, referral or other item was approved or rejected. */
    DECIDED,
    /** A payout run paid the person. */
    PAID,
    /** The person's dispute was answered, resolved or had its line held. */
    DISPUTE_ANSWERED,
    /** A payout run waits for the person's approval. */
    RUN_WAITING,
    /** A payout run's build stopped before it finished. */
    BUILD_FAILED,
    /** A referral the person meant to file is due within two working days and is not filed yet. */
    REFERRAL_DEADLINE;

    /** Whether mail tells of it as it happens; waiting items are gathered into the digest instead. */
    boolean mailedAtOnce() {
        return this != WAITING;
    }
}
