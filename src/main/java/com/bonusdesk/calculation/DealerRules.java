package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * R8: a dealer's rebates. One order reaching a pickup step earns that step's rate of the order; a month's orders
 * reaching a monthly step earn its rate of the month's total; the highest step reached applies, not several.
 * Pickup and monthly rewards are both paid when {@code stacking}, otherwise the higher of the month's two. A
 * year's orders reaching the dealer's target earn {@code annualRate} of the year's total.
 */
public record DealerRules(List<Step> pickupSteps, List<Step> monthlySteps, boolean stacking, BigDecimal annualRate)
        implements PlanRules {

    /** From {@code from} (inclusive): {@code rate}. */
    public record Step(BigDecimal from, BigDecimal rate) {
    }

    public DealerRules {
        pickupSteps = List.copyOf(pickupSteps);
        monthlySteps = List.copyOf(monthlySteps);
        checkSteps("pickupSteps", pickupSteps);
        checkSteps("monthlySteps", monthlySteps);
        InvalidRulesException.check("annualRate", annualRate).rate();
    }

    private static void checkSteps(String field, List<Step> steps) {
        if (steps.isEmpty()) {
            throw new InvalidRulesException(field, "noTiers");
        }
        for (int i = 0; i < steps.size(); i++) {
            InvalidRulesException.check(field + "[" + i + "].from", steps.get(i).from()).positive();
            InvalidRulesException.check(field + "[" + i + "].rate", steps.get(i).rate()).rate();
            if (i > 0 && steps.get(i).from().compareTo(steps.get(i - 1).from()) <= 0) {
                throw new InvalidRulesException(field + "[" + i + "].from", "tiersAscending",
                        Money.show(steps.get(i - 1).from()));
            }
        }
    }

    /** The highest step {@code amount} reaches, if any. */
    public static Optional<Step> reached(List<Step> steps, BigDecimal amount) {
        Step reached = null;
        for (Step step : steps) {
            if (amount.compareTo(step.from()) >= 0) {
                reached = step;
            }
        }
        return Optional.ofNullable(reached);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.DEALER;
    }
}
