package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * R5: what an existing customer earns for referring a new one, by what the new customer bought, and the
 * quarterly ranking prizes (by rank, starting at first place).
 *
 * @param stacking whether a fixed reward and a percentage of the same deal are both paid; when false, the
 *                 higher one is paid ("not combined with other rewards")
 */
public record CustomerReferralRules(Map<PropertyType, Reward> rewards, List<BigDecimal> rankingPrizes,
        boolean stacking, Cap cap) implements PlanRules {

    /**
     * The reward for one property type; an excluded type earns nothing.
     *
     * @param rate a share of the deal amount, or null
     * @param roundTo the step the percentage is rounded half-up to (0.01, or 100.00 for "nearest hundred")
     * @param fixedAmount a fixed amount per deal, or null
     */
    public record Reward(boolean excluded, BigDecimal rate, BigDecimal roundTo, BigDecimal fixedAmount) {

        public static Reward excludedType() {
            return new Reward(true, null, null, null);
        }
    }

    public CustomerReferralRules {
        rewards = rewards.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rewards));
        rankingPrizes = List.copyOf(rankingPrizes);
        for (PropertyType type : PropertyType.values()) {
            Reward reward = rewards.get(type);
            String field = "rewards." + type.name();
            if (reward == null) {
                throw new InvalidRulesException(field, "required");
            }
            if (reward.excluded()) {
                continue;
            }
            if (reward.rate() == null && reward.fixedAmount() == null) {
                throw new InvalidRulesException(field, "rewardRequired");
            }
            if (reward.rate() != null) {
                InvalidRulesException.check(field + ".rate", reward.rate()).rate();
                InvalidRulesException.check(field + ".roundTo", reward.roundTo()).positive();
            }
            if (reward.fixedAmount() != null) {
                InvalidRulesException.check(field + ".fixedAmount", reward.fixedAmount()).notNegative();
            }
        }
        for (int i = 0; i < rankingPrizes.size(); i++) {
            InvalidRulesException.check("rankingPrizes[" + i + "]", rankingPrizes.get(i)).notNegative();
            if (i > 0 && rankingPrizes.get(i).compareTo(rankingPrizes.get(i - 1)) > 0) {
                throw new InvalidRulesException("rankingPrizes[" + i + "]", "prizesDescending");
            }
        }
    }

    @Override
    public PlanKind kind() {
        return PlanKind.CUSTOMER_REFERRAL;
    }
}
