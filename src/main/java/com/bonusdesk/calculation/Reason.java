package com.bonusdesk.calculation;

/** A reason something does not qualify, with the facts that decide it (e.g. the date of the last order). */
public record Reason(ReasonCode code, Explanation explanation) {

    public static Reason of(ReasonCode code, Object... args) {
        return new Reason(code, Explanation.of("reason." + code.name(), args));
    }
}
