package com.bonusdesk.calculation;

/** Why something earns no bonus. Stable codes: the API returns them and screens translate them. */
public enum ReasonCode {
    NOT_NEW_CLIENT,
    ORDER_TOO_SMALL,
    PACKAGE_DEAL,
    BELOW_LIST_NOT_APPROVED,
    OUTSIDE_PLAN_WINDOW,
    LATE_APPLICATION,
    CLIENT_TOO_SMALL,
    EXCLUDED_PROPERTY_TYPE,
    NOT_PAID_IN_FULL,
    AGREEMENT_NEEDED,
    NO_TARGET
}
