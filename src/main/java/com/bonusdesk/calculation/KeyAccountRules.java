package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * R7: a key account's monthly subsidy by its purchases. Tiers are ordered by their upper bound (inclusive), the
 * last open; each gives a cash rate (a share of the month's purchases) and a discount rate (off next month's
 * orders). From {@code agreementFrom} on, the client's individual agreement decides instead.
 */
public record KeyAccountRules(List<Tier> tiers, BigDecimal agreementFrom) implements PlanRules {

    /** Purchases up to and including {@code upTo} (null: any larger amount below the agreement). */
    public record Tier(BigDecimal upTo, BigDecimal cashRate, BigDecimal discountRate) {
    }

    public KeyAccountRules {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new InvalidRulesException("tiers", "noTiers");
        }
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            InvalidRulesException.check("tiers[" + i + "].cashRate", tier.cashRate()).rate();
            InvalidRulesException.check("tiers[" + i + "].discountRate", tier.discountRate()).rate();
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
        InvalidRulesException.check("agreementFrom", agreementFrom).positive();
        if (previous != null && agreementFrom.compareTo(previous) <= 0) {
            throw new InvalidRulesException("agreementFrom", "aboveTiers", Money.show(previous));
        }
    }

    /** The tier of a month's purchases; none from the agreement threshold on. */
    public Optional<Tier> tierFor(BigDecimal purchases) {
        if (purchases.compareTo(agreementFrom) >= 0) {
            return Optional.empty();
        }
        return tiers.stream().filter(tier -> tier.upTo() == null || purchases.compareTo(tier.upTo()) <= 0)
                .findFirst();
    }

    /** The upper bound of the tier before {@code tier}; none for the first. */
    public BigDecimal lowerBound(Tier tier) {
        int index = tiers.indexOf(tier);
        return index == 0 ? null : tiers.get(index - 1).upTo();
    }

    @Override
    public PlanKind kind() {
        return PlanKind.KEY_ACCOUNT;
    }
}
