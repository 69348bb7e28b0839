package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * R3: one amount per salesperson per month by the number of new clients, the highest tier reached. Tiers
 * are ordered by their lower bound, the first starting at one client; each ends where the next begins.
 */
public record MonthlyCountTiers(List<Tier> tiers) implements PlanRules {

    /** From {@code from} clients (inclusive) up to the next tier's start: {@code bonus}. */
    public record Tier(int from, BigDecimal bonus) {
    }

    public MonthlyCountTiers {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new InvalidRulesException("tiers", "noTiers");
        }
        if (tiers.get(0).from() != 1) {
            throw new InvalidRulesException("tiers[0].from", "firstTierFromOne");
        }
        for (int i = 0; i < tiers.size(); i++) {
            InvalidRulesException.check("tiers[" + i + "].bonus", tiers.get(i).bonus()).notNegative();
            InvalidRulesException.between("tiers[" + i + "].from", tiers.get(i).from(), 1, 100_000);
            if (i > 0 && tiers.get(i).from() <= tiers.get(i - 1).from()) {
                throw new InvalidRulesException("tiers[" + i + "].from", "countTiersAscending", tiers.get(i - 1).from());
            }
        }
    }

    /** The tier reached by {@code clients}, if any. */
    public Optional<Tier> tierFor(int clients) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (clients >= tier.from()) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** The last count of a tier, or null for the open-ended last tier. */
    public Integer upTo(Tier tier) {
        int index = tiers.indexOf(tier);
        return index == tiers.size() - 1 ? null : tiers.get(index + 1).from() - 1;
    }

    @Override
    public PlanKind kind() {
        return PlanKind.MONTHLY_COUNT_TIER;
    }
}
