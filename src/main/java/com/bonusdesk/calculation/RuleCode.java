package com.bonusdesk.calculation;

import java.time.LocalDate;

/**
 * The rules of POLICY.md that produce bonus lines, each with the plan it belongs to and when it is paid, and the
 * adjustments finance makes by hand.
 */
public enum RuleCode {
    /** New-client bonus: a percentage of the money collected within the window. */
    R1(PlanKind.NEW_CLIENT, Cadence.WEEKLY),
    /** Order-size tier: a fixed amount by order size, at the first collection. */
    R2(PlanKind.ORDER_SIZE_TIER, Cadence.WEEKLY),
    /** Monthly client-count tier: earned on the first working day after the month, paid in the next run. */
    R3(PlanKind.MONTHLY_COUNT_TIER, Cadence.WEEKLY),
    /** Sales referral: a percentage of the contract by client class. */
    R4(PlanKind.SALES_REFERRAL, Cadence.AFTER_MONTH_END),
    /** Sales referral kicker: three consecutive months above a threshold. */
    R4_KICKER(PlanKind.SALES_REFERRAL, Cadence.AFTER_MONTH_END),
    /** Customer referral (老带新): its line exists once the approval chain is complete. */
    R5(PlanKind.CUSTOMER_REFERRAL, Cadence.WEEKLY),
    /** Quarterly ranking of customer referrers. */
    R5_RANKING(PlanKind.CUSTOMER_REFERRAL, Cadence.WEEKLY),
    /** Key-account cash subsidy: a share of a month's purchases, earned on the month's last day. */
    R7(PlanKind.KEY_ACCOUNT, Cadence.WEEKLY),
    /** Dealer single-pickup reward: a share of one large order, earned at the month's end. */
    R8_PICKUP(PlanKind.DEALER, Cadence.WEEKLY),
    /** Dealer monthly reward: a share of the month's orders, earned at the month's end. */
    R8_MONTHLY(PlanKind.DEALER, Cadence.WEEKLY),
    /** Dealer annual reward: a share of the year's orders once the target is reached. */
    R8_ANNUAL(PlanKind.DEALER, Cadence.WEEKLY),
    /** A correction made by finance (from a dispute or an audit), paid in the next weekly run; of no plan. */
    ADJUSTMENT(null, Cadence.WEEKLY);

    /** When a line becomes payable: in the first weekly run after it is earned, or after its month ends. */
    private enum Cadence {
        WEEKLY,
        AFTER_MONTH_END
    }

    private final PlanKind plan;
    private final Cadence cadence;

    RuleCode(PlanKind plan, Cadence cadence) {
        this.plan = plan;
        this.cadence = cadence;
    }

    /** The plan the rule belongs to; null for an adjustment, which belongs to none. */
    public PlanKind plan() {
        return plan;
    }

    /**
     * The first day a weekly run may pay a line earned on {@code earnedOn}: that day itself, or for a
     * referral the first day of the next month (每月底前发放上一个月的推荐奖励).
     */
    public LocalDate dueOn(LocalDate earnedOn) {
        return cadence == Cadence.WEEKLY ? earnedOn : earnedOn.withDayOfMonth(1).plusMonths(1);
    }
}
