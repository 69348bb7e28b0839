package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * R7 and R8, the incentives paid to customers: a key account's monthly subsidy (cash, or a discount on next
 * month's orders) and a dealer's pickup, monthly and annual rebates. Plain rules: facts in, explained lines out.
 */
final class CustomerRebates {

    private final PlanBook plans;
    private final WorkingDays calendar;

    CustomerRebates(PlanBook plans, WorkingDays calendar) {
        this.plans = plans;
        this.calendar = calendar;
    }

    KeyAccountResult keyAccountMonth(KeyAccountFacts facts) {
        LocalDate lastDay = facts.month().atEndOfMonth();
        Optional<PlanVersion<KeyAccountRules>> plan = plans.inForce(PlanKind.KEY_ACCOUNT, KeyAccountRules.class,
                lastDay);
        if (plan.isEmpty()) {
            return new KeyAccountResult(BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW,
                    lastDay))), null, null);
        }
        KeyAccountRules rules = plan.get().rules();
        BigDecimal purchases = facts.purchases();
        if (purchases.signum() <= 0) {
            return new KeyAccountResult(new BonusResult(true, List.of(), List.of(), List.of(
                    Explanation.of("explain.note.noPurchases", facts.month(), Money.show(purchases)))), null, null);
        }
        Optional<KeyAccountRules.Tier> tier = rules.tierFor(purchases);
        if (tier.isEmpty()) {
            return byAgreement(facts, rules, plan.get().label());
        }
        BigDecimal rate = facts.mode() == KeyAccountMode.CASH ? tier.get().cashRate() : tier.get().discountRate();
        if (facts.mode() == KeyAccountMode.DISCOUNT) {
            return discount(facts, rules, tier.get(), rate);
        }
        BigDecimal amount = Money.cents(rate.multiply(purchases));
        return cash(new BonusLine(RuleCode.R7, amount, plan.get().label(), lastDay,
                words("explain.R7.cash", facts, rules, tier.get(), rate, Money.show(amount))));
    }

    /** From the agreement threshold on, the client's individual agreement decides; without one, nothing does. */
    private KeyAccountResult byAgreement(KeyAccountFacts facts, KeyAccountRules rules, String label) {
        KeyAccountFacts.Agreement agreement = facts.agreement();
        boolean usable = agreement != null && (facts.mode() == KeyAccountMode.CASH || agreement.rate() != null);
        if (!usable) {
            return new KeyAccountResult(BonusResult.refused(List.of(Reason.of(ReasonCode.AGREEMENT_NEEDED,
                    facts.month(), Money.show(facts.purchases()), Money.show(rules.agreementFrom())))), null, null);
        }
        if (facts.mode() == KeyAccountMode.DISCOUNT) {
            return discount(facts, rules, null, agreement.rate());
        }
        LocalDate lastDay = facts.month().atEndOfMonth();
        if (agreement.rate() == null) {
            BigDecimal amount = Money.cents(agreement.amount());
            return cash(new BonusLine(RuleCode.R7, amount, label, lastDay, Explanation.of(
                    "explain.R7.cash.agreementAmount", facts.month(), Money.show(facts.purchases()),
                    Money.show(rules.agreementFrom()), Money.show(amount))));
        }
        BigDecimal amount = Money.cents(agreement.rate().multiply(facts.purchases()));
        return cash(new BonusLine(RuleCode.R7, amount, label, lastDay,
                words("explain.R7.cash", facts, rules, null, agreement.rate(), Money.show(amount))));
    }

    /**
     * A month's subsidy in words: the month and its purchases, the tier they fall in (or the agreement, for
     * {@code tier} null), the rate, and {@code outcome} (the amount, or the month the discount applies to).
     */
    private static Explanation words(String prefix, KeyAccountFacts facts, KeyAccountRules rules,
            KeyAccountRules.Tier tier, BigDecimal rate, Object outcome) {
        List<Object> args = new ArrayList<>(List.of(facts.month(), Money.show(facts.purchases())));
        String form;
        BigDecimal lower = tier == null ? null : rules.lowerBound(tier);
        if (tier == null) {
            form = "agreement";
            args.add(Money.show(rules.agreementFrom()));
        } else if (lower == null) {
            form = "upTo";
            args.add(Money.show(tier.upTo()));
        } else if (tier.upTo() == null) {
            form = "over";
            args.add(Money.show(lower));
            args.add(Money.show(rules.agreementFrom()));
        } else {
            form = "between";
            args.add(Money.show(lower));
            args.add(Money.show(tier.upTo()));
        }
        args.add(Money.percent(rate));
        args.add(outcome);
        return Explanation.of(prefix + "." + form, args.toArray());
    }

    private static KeyAccountResult cash(BonusLine line) {
        return new KeyAccountResult(new BonusResult(true, List.of(), List.of(line), List.of()), null, null);
    }

    private static KeyAccountResult discount(KeyAccountFacts facts, KeyAccountRules rules, KeyAccountRules.Tier tier,
            BigDecimal rate) {
        YearMonth next = facts.month().plusMonths(1);
        return new KeyAccountResult(new BonusResult(true, List.of(), List.of(), List.of(
                words("explain.R7.discount", facts, rules, tier, rate, next))), rate, next);
    }

    /**
     * A dealer's month: a pickup reward for each order reaching a pickup step, the monthly reward on the month's
     * total, and for each return a clawback of the pickup its amount would have earned, never more than the
     * month's pickups. Without stacking, the higher of the month's pickups and its monthly reward is paid.
     */
    BonusResult dealerMonth(YearMonth month, List<DealerOrder> orders) {
        LocalDate lastDay = month.atEndOfMonth();
        Optional<PlanVersion<DealerRules>> plan = plans.inForce(PlanKind.DEALER, DealerRules.class, lastDay);
        if (plan.isEmpty()) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW, lastDay)));
        }
        DealerRules rules = plan.get().rules();
        String label = plan.get().label();
        List<DealerOrder> sorted = orders.stream().filter(order -> YearMonth.from(order.date()).equals(month))
                .sorted(Comparator.comparing(DealerOrder::date).thenComparing(DealerOrder::orderNumber)).toList();
        List<BonusLine> pickups = new ArrayList<>();
        BigDecimal earned = Money.ZERO;
        for (DealerOrder order : sorted.stream().filter(order -> order.amount().signum() > 0).toList()) {
            Optional<DealerRules.Step> step = DealerRules.reached(rules.pickupSteps(), order.amount());
            if (step.isPresent()) {
                BigDecimal reward = Money.cents(step.get().rate().multiply(order.amount()));
                earned = earned.add(reward);
                pickups.add(new BonusLine(RuleCode.R8_PICKUP, reward, label, lastDay, Explanation.of(
                        "explain.R8_PICKUP", order.orderNumber(), Money.show(order.amount()),
                        Money.show(step.get().from()), Money.percent(step.get().rate()), Money.show(reward))));
            }
        }
        for (DealerOrder order : sorted.stream().filter(order -> order.amount().signum() < 0).toList()) {
            BigDecimal returned = order.amount().negate();
            Optional<DealerRules.Step> step = DealerRules.reached(rules.pickupSteps(), returned);
            if (step.isPresent() && earned.signum() > 0) {
                BigDecimal clawback = Money.cents(step.get().rate().multiply(returned)).min(earned);
                earned = earned.subtract(clawback);
                pickups.add(new BonusLine(RuleCode.R8_PICKUP, clawback.negate(), label, lastDay, Explanation.of(
                        "explain.R8_PICKUP.return", order.orderNumber(), Money.show(order.amount()),
                        Money.percent(step.get().rate()), Money.show(clawback.negate()))));
            }
        }
        BigDecimal total = sorted.stream().map(DealerOrder::amount).reduce(Money.ZERO, BigDecimal::add);
        Optional<BonusLine> monthly = DealerRules.reached(rules.monthlySteps(), total).map(step -> {
            BigDecimal reward = Money.cents(step.rate().multiply(total));
            return new BonusLine(RuleCode.R8_MONTHLY, reward, label, lastDay, Explanation.of("explain.R8_MONTHLY",
                    month, Money.show(total), Money.show(step.from()), Money.percent(step.rate()),
                    Money.show(reward)));
        });
        List<Explanation> notes = new ArrayList<>();
        if (monthly.isEmpty()) {
            notes.add(Explanation.of("explain.note.monthlyNotReached", month, Money.show(total),
                    Money.show(rules.monthlySteps().get(0).from())));
        }
        List<BonusLine> lines = new ArrayList<>(pickups);
        monthly.ifPresent(lines::add);
        if (!rules.stacking() && monthly.isPresent() && earned.signum() > 0) {
            boolean monthlyWins = monthly.get().amount().compareTo(earned) >= 0;
            notes.add(Explanation.of("explain.note.dealerNotStacked", Money.show(earned),
                    Money.show(monthly.get().amount())));
            lines = monthlyWins ? List.of(monthly.get()) : pickups;
        }
        return new BonusResult(true, List.of(), lines, notes);
    }

    /** A dealer's year against its target, earned on the first working day of the next year. */
    BonusResult dealerYear(int year, BigDecimal target, BigDecimal yearTotal) {
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Optional<PlanVersion<DealerRules>> plan = plans.inForce(PlanKind.DEALER, DealerRules.class, lastDay);
        if (plan.isEmpty()) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW, lastDay)));
        }
        if (target == null || target.signum() <= 0) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.NO_TARGET, year)));
        }
        if (yearTotal.compareTo(target) < 0) {
            return new BonusResult(true, List.of(), List.of(), List.of(Explanation.of("explain.note.targetNotReached",
                    year, Money.show(yearTotal), Money.show(target))));
        }
        BigDecimal rate = plan.get().rules().annualRate();
        BigDecimal reward = Money.cents(rate.multiply(yearTotal));
        return new BonusResult(true, List.of(), List.of(new BonusLine(RuleCode.R8_ANNUAL, reward, plan.get().label(),
                calendar.firstWorkingDayAfter(YearMonth.of(year, 12)), Explanation.of("explain.R8_ANNUAL", year,
                        Money.show(yearTotal), Money.show(target), Money.percent(rate), Money.show(reward)))),
                List.of());
    }
}
