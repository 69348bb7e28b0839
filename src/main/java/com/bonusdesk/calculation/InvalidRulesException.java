package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Plan parameters that break a rule of their own (a rate above 100%, a tier table with a gap). Carries the
 * field and a message key, so that the plan editor can show it next to the field in the reader's language.
 */
public class InvalidRulesException extends IllegalArgumentException {

    private final String field;
    private final Explanation explanation;

    public InvalidRulesException(String field, String key, Object... args) {
        super(field + ": " + key + " " + List.of(args));
        this.field = field;
        this.explanation = Explanation.of("plan.invalid." + key, args);
    }

    public String field() {
        return field;
    }

    public Explanation explanation() {
        return explanation;
    }

    static BigDecimalCheck check(String field, BigDecimal value) {
        return new BigDecimalCheck(field, value);
    }

    record BigDecimalCheck(String field, BigDecimal value) {

        BigDecimalCheck present() {
            if (value == null) {
                throw new InvalidRulesException(field, "required");
            }
            return this;
        }

        /** A rate is a fraction between 0 and 1 (0% to 100%). */
        BigDecimalCheck rate() {
            present();
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidRulesException(field, "rate");
            }
            return this;
        }

        BigDecimalCheck notNegative() {
            present();
            if (value.signum() < 0 || value.compareTo(Money.MAX) > 0) {
                throw new InvalidRulesException(field, "amount");
            }
            if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
                throw new InvalidRulesException(field, "cents");
            }
            return this;
        }

        BigDecimalCheck positive() {
            notNegative();
            if (value.signum() == 0) {
                throw new InvalidRulesException(field, "positive");
            }
            return this;
        }
    }

    static void atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidRulesException(field, "atLeast", minimum);
        }
    }

    /** A count of days, months or years within bounds that keep every date computation short. */
    static void between(String field, int value, int minimum, int maximum) {
        atLeast(field, value, minimum);
        if (value > maximum) {
            throw new InvalidRulesException(field, "atMost", maximum);
        }
    }
}
