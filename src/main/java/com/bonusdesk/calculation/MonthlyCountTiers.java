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

    /**
     * Where {@code clients} stand against the tiers: the bonus they reach now, and the next tier with how many more
     * clients reach it and how much more it pays; no next tier once the last is reached.
     */
    public Progress progress(int clients) {
        BigDecimal now = tierFor(clients).map(Tier::bonus).orElse(BigDecimal.ZERO);
        for (Tier tier : tiers) {
            if (tier.from() > clients) {
                return new Progress(clients, Money.cents(now), tier.from(), tier.from() - clients,
                        Money.cents(tier.bonus().subtract(now)));
            }
        }
        return new Progress(clients, Money.cents(now), null, 0, Money.ZERO);
    }

    /**
     * A month's count against the tiers.
     *
     * @param nextFrom the count the next tier starts at; null when the last tier is reached
     * @param more how many more clients reach it
     * @param gain what reaching it adds to this month's bonus
     */
    public record Progress(int clients, BigDecimal bonus, Integer nextFrom, int more, BigDecimal gain) {
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
