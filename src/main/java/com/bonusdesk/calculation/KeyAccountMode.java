package com.bonusdesk.calculation;

/** How a key account takes its subsidy for a plan year: cash paid to it, or a discount on its orders; never both. */
public enum KeyAccountMode {
    CASH,
    DISCOUNT
}
