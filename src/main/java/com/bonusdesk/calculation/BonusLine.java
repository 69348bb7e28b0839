package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One amount earned (or clawed back, when negative), with the rule and plan version that produced it, the
 * date it was earned, and the inputs and formula in words. {@code adjustments} say how a cap or the
 * non-stacking rule (R6) changed the amount.
 */
public record BonusLine(RuleCode rule, BigDecimal amount, String planVersion, LocalDate earnedOn,
        Explanation explanation, List<Explanation> adjustments) {

    /** A line as its rule computed it, without a cap or a non-stacking choice. */
    public BonusLine(RuleCode rule, BigDecimal amount, String planVersion, LocalDate earnedOn,
            Explanation explanation) {
        this(rule, amount, planVersion, earnedOn, explanation, List.of());
    }

    /** The same line at another amount, saying why. */
    BonusLine adjusted(BigDecimal newAmount, Explanation why) {
        List<Explanation> all = new ArrayList<>(adjustments);
        all.add(why);
        return new BonusLine(rule, newAmount, planVersion, earnedOn, explanation, all);
    }

    public BonusLine {
        adjustments = List.copyOf(adjustments);
        if (amount.scale() != 2) {
            throw new IllegalArgumentException("A bonus line is in cents: " + amount);
        }
    }
}
