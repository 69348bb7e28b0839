package com.bonusdesk.calculation;

import java.time.LocalDate;

/**
 * One version of a plan with the window in which it is in force ({@code validTo} null: no end). A calculation
 * uses the version in force on the order or contract date.
 */
public record PlanVersion<R extends PlanRules>(PlanKind kind, int number, LocalDate validFrom, LocalDate validTo,
        R rules) {

    public PlanVersion {
        if (rules.kind() != kind) {
            throw new IllegalArgumentException(rules.kind() + " rules in a " + kind + " plan");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("A plan version cannot end before it starts");
        }
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** How lines name it, e.g. {@code NEW_CLIENT v2}. */
    public String label() {
        return kind.name() + " v" + number;
    }
}
