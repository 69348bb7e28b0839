package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * R2: a fixed bonus by order amount. Tiers are ordered by their upper bound (inclusive); the last has none,
 * so every amount falls in exactly one tier.
 */
public record OrderSizeTiers(List<Tier> tiers) implements PlanRules {

    /** Orders up to and including {@code upTo} (null: any larger amount) earn {@code bonus}. */
    public record Tier(BigDecimal upTo, BigDecimal bonus) {
    }

    public OrderSizeTiers {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new InvalidRulesException("tiers", "noTiers");
        }
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            InvalidRulesException.check("tiers[" + i + "].bonus", tier.bonus()).notNegative();
            boolean last = i == tiers.size() - 1;
            if (last != (tier.upTo() == null)) {
                throw new InvalidRulesException("tiers[" + i + "].upTo", last ? "lastTierOpen" : "tierBoundRequired");
            }
            if (!last) {
                InvalidRulesException.check("tiers[" + i + "].upTo", tier.upTo()).positive();
                if (previous != null && tier.upTo().compareTo(previous) <= 0) {
                    throw new InvalidRulesException("tiers[" + i + "].upTo", "tiersAscending", Money.show(previous));
                }
                previous = tier.upTo();
            }
        }
    }

    public Tier tierFor(BigDecimal orderAmount) {
        return tiers.stream()
                .filter(tier -> tier.upTo() == null || orderAmount.compareTo(tier.upTo()) <= 0)
                .findFirst()
                .orElseThrow();
    }

    @Override
    public PlanKind kind() {
        return PlanKind.ORDER_SIZE_TIER;
    }
}
