package com.bonusdesk.calculation;

/** The rules of POLICY.md that produce bonus lines. */
public enum RuleCode {
    /** New-client bonus: a percentage of the money collected within the window. */
    R1,
    /** Order-size tier: a fixed amount by order size, at the first collection. */
    R2,
    /** Monthly client-count tier. */
    R3,
    /** Sales referral: a percentage of the contract by client class. */
    R4,
    /** Sales referral kicker: three consecutive months above a threshold. */
    R4_KICKER,
    /** Customer referral (老带新). */
    R5,
    /** Quarterly ranking of customer referrers. */
    R5_RANKING
}
