package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes every bonus of POLICY.md from facts, using the plan version in force on the date that decides
 * it and the company calendar. It never reads a clock: every date it uses is in the facts.
 */
public final class BonusCalculator {

    private static final Comparator<BonusLine> BY_DATE_THEN_RULE =
            Comparator.comparing(BonusLine::earnedOn).thenComparing(BonusLine::rule);

    private static final Comparator<Collection> BY_COLLECTION_DATE = Comparator.comparing(Collection::date);

    private final PlanBook plans;
    private final WorkingDays calendar;

    private final CustomerRebates rebates;

    public BonusCalculator(PlanBook plans, WorkingDays calendar) {
        this.plans = plans;
        this.calendar = calendar;
        this.rebates = new CustomerRebates(plans, calendar);
    }

    /**
     * R7 for one key account's month: in cash mode its subsidy line, earned on the month's last day; in discount
     * mode the rate off next month's orders. From the agreement threshold on only an individual agreement decides.
     */
    public KeyAccountResult keyAccountMonth(KeyAccountFacts facts) {
        return rebates.keyAccountMonth(facts);
    }

    /** R8 for one dealer's month: pickup rewards per order, the monthly reward, clawbacks for returns. */
    public BonusResult dealerMonth(YearMonth month, List<DealerOrder> orders) {
        return rebates.dealerMonth(month, orders);
    }

    /** R8 annual: a dealer's year against its target. */
    public BonusResult dealerYear(int year, BigDecimal target, BigDecimal yearTotal) {
        return rebates.dealerYear(year, target, yearTotal);
    }

    /** R1 and R2 for one order: eligibility, then a line per collection and the tier at the first one. */
    public BonusResult newClient(NewClientFacts facts) {
        Optional<PlanVersion<NewClientRules>> plan =
                plans.inForce(PlanKind.NEW_CLIENT, NewClientRules.class, facts.orderDate());
        if (plan.isEmpty()) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW, facts.orderDate())));
        }
        NewClientRules rules = plan.get().rules();
        List<Reason> reasons = new ArrayList<>();
        LocalDate lookback = facts.orderDate().minusYears(rules.newClientYears());
        LocalDate last = facts.clientLastOrderDate();
        if (last != null && !last.isBefore(lookback) && last.isBefore(facts.orderDate())) {
            reasons.add(Reason.of(ReasonCode.NOT_NEW_CLIENT, last, rules.newClientYears()));
        }
        if (facts.packageDeal()) {
            reasons.add(Reason.of(ReasonCode.PACKAGE_DEAL));
        }
        if (facts.orderAmount().compareTo(rules.minOrderAmount()) < 0 && facts.units() < rules.minUnits()) {
            reasons.add(Reason.of(ReasonCode.ORDER_TOO_SMALL, Money.show(facts.orderAmount()), facts.units(),
                    Money.show(rules.minOrderAmount()), rules.minUnits()));
        }
        if (facts.belowListPrice() && !facts.belowListApproved()) {
            reasons.add(Reason.of(ReasonCode.BELOW_LIST_NOT_APPROVED));
        }
        if (!reasons.isEmpty()) {
            return BonusResult.refused(reasons);
        }
        List<BonusLine> lines = new ArrayList<>();
        List<Explanation> notes = new ArrayList<>();
        LocalDate windowEnd = facts.orderDate().plusDays(rules.collectionWindowDays());
        BigDecimal rate = facts.belowListPrice() ? rules.belowListRate() : rules.listPriceRate();
        Optional<LocalDate> firstCollection = collectionLines(facts, rate, windowEnd, plan.get().label(), lines, notes);
        orderSizeLine(facts, firstCollection, windowEnd).ifPresent(tier -> {
            lines.add(tier);
            tierClawback(facts, tier).ifPresent(lines::add);
        });
        if (firstCollection.isEmpty()) {
            notes.add(Explanation.of("explain.note.awaitingCollection", windowEnd));
        }
        lines.sort(BY_DATE_THEN_RULE);
        return new BonusResult(true, List.of(), lines, notes);
    }

    /**
     * R1 lines. Money counts up to the order amount when collected on or before the window's end; a refund is
     * first taken from money that earned nothing (late or beyond the order amount), and the rest is clawed
     * back at the same rate. Returns the date of the first collection that counted.
     */
    private static Optional<LocalDate> collectionLines(NewClientFacts facts, BigDecimal rate, LocalDate windowEnd,
            String planVersion, List<BonusLine> lines, List<Explanation> notes) {
        BigDecimal earningBase = BigDecimal.ZERO;
        BigDecimal unearned = BigDecimal.ZERO;
        LocalDate first = null;
        List<Collection> inDateOrder = new ArrayList<>(facts.collections());
        inDateOrder.sort(BY_COLLECTION_DATE);
        for (Collection collection : inDateOrder) {
            BigDecimal amount = collection.amount();
            if (amount.signum() > 0) {
                if (collection.date().isAfter(windowEnd)) {
                    unearned = unearned.add(amount);
                    notes.add(Explanation.of("explain.note.collectedLate", Money.show(amount), collection.date(),
                            windowEnd));
                    continue;
                }
                BigDecimal counted = amount.min(facts.orderAmount().subtract(earningBase));
                unearned = unearned.add(amount.subtract(counted));
                earningBase = earningBase.add(counted);
                if (counted.signum() == 0) {
                    notes.add(Explanation.of("explain.note.beyondOrderAmount", Money.show(amount), collection.date(),
                            Money.show(facts.orderAmount())));
                    continue;
                }
                if (first == null) {
                    first = collection.date();
                }
                BigDecimal bonus = Money.cents(rate.multiply(counted));
                Explanation explanation = counted.compareTo(amount) == 0
                        ? Explanation.of("explain.R1.collected", Money.percent(rate), Money.show(counted),
                                collection.date(), Money.show(bonus))
                        : Explanation.of("explain.R1.collectedUpToOrder", Money.percent(rate), Money.show(counted),
                                Money.show(amount), collection.date(), Money.show(facts.orderAmount()),
                                Money.show(bonus));
                lines.add(new BonusLine(RuleCode.R1, bonus, planVersion, collection.date(), explanation));
            } else if (amount.signum() < 0) {
                BigDecimal refund = amount.negate();
                BigDecimal fromUnearned = refund.min(unearned);
                unearned = unearned.subtract(fromUnearned);
                BigDecimal clawed = refund.subtract(fromUnearned).min(earningBase);
                earningBase = earningBase.subtract(clawed);
                if (clawed.signum() == 0) {
                    notes.add(Explanation.of("explain.note.refundOfUnearned", Money.show(refund), collection.date()));
                    continue;
                }
                BigDecimal clawback = Money.cents(rate.multiply(clawed)).negate();
                lines.add(new BonusLine(RuleCode.R1, clawback, planVersion, collection.date(),
                        Explanation.of("explain.R1.refund", Money.percent(rate), Money.show(clawed),
                                collection.date(), Money.show(clawback))));
            }
        }
        return Optional.ofNullable(first);
    }

    private Optional<BonusLine> orderSizeLine(NewClientFacts facts, Optional<LocalDate> firstCollection,
            LocalDate windowEnd) {
        if (firstCollection.isEmpty()) {
            return Optional.empty();
        }
        return plans.inForce(PlanKind.ORDER_SIZE_TIER, OrderSizeTiers.class, facts.orderDate()).map(plan -> {
            OrderSizeTiers tiers = plan.rules();
            OrderSizeTiers.Tier tier = tiers.tierFor(facts.orderAmount());
            int index = tiers.tiers().indexOf(tier);
            Explanation explanation;
            if (index == 0) {
                explanation = Explanation.of("explain.R2.upTo", Money.show(facts.orderAmount()),
                        Money.show(tier.upTo()), Money.show(tier.bonus()), firstCollection.get());
            } else if (tier.upTo() == null) {
                explanation = Explanation.of("explain.R2.over", Money.show(facts.orderAmount()),
                        Money.show(tiers.tiers().get(index - 1).upTo()), Money.show(tier.bonus()),
                        firstCollection.get());
            } else {
                explanation = Explanation.of("explain.R2.between", Money.show(facts.orderAmount()),
                        Money.show(tiers.tiers().get(index - 1).upTo()), Money.show(tier.upTo()),
                        Money.show(tier.bonus()), firstCollection.get());
            }
            return new BonusLine(RuleCode.R2, Money.cents(tier.bonus()), plan.label(), firstCollection.get(),
                    explanation);
        });
    }

    /**
     * R2 taken back when refunds bring the money collected on the order, late money included, to zero or less
     * after the tier was earned: one negative line on the day that happened. A partial refund leaves the tier.
     */
    private static Optional<BonusLine> tierClawback(NewClientFacts facts, BonusLine tier) {
        List<Collection> inDateOrder = new ArrayList<>(facts.collections());
        inDateOrder.sort(BY_COLLECTION_DATE);
        BigDecimal net = BigDecimal.ZERO;
        boolean refundThatDay = false;
        for (int i = 0; i < inDateOrder.size(); i++) {
            Collection collection = inDateOrder.get(i);
            net = net.add(collection.amount());
            refundThatDay |= collection.amount().signum() < 0;
            boolean lastOfItsDay = i + 1 == inDateOrder.size()
                    || !inDateOrder.get(i + 1).date().equals(collection.date());
            if (!lastOfItsDay) {
                continue;
            }
            if (refundThatDay && net.signum() <= 0 && !collection.date().isBefore(tier.earnedOn())) {
                BigDecimal clawback = tier.amount().negate();
                return Optional.of(new BonusLine(RuleCode.R2, clawback, tier.planVersion(), collection.date(),
                        Explanation.of("explain.R2.refunded", collection.date(), Money.show(net),
                                Money.show(clawback))));
            }
            refundThatDay = false;
        }
        return Optional.empty();
    }

    /** R3: the highest tier reached by a salesperson's new clients of one month, earned after the month ends. */
    public BonusResult monthlyCount(YearMonth month, int earnedClients) {
        if (earnedClients < 0) {
            throw new IllegalArgumentException("A count of clients cannot be negative");
        }
        Optional<PlanVersion<MonthlyCountTiers>> plan =
                plans.inForce(PlanKind.MONTHLY_COUNT_TIER, MonthlyCountTiers.class, month.atEndOfMonth());
        if (plan.isEmpty()) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW, month.atEndOfMonth())));
        }
        MonthlyCountTiers tiers = plan.get().rules();
        Optional<MonthlyCountTiers.Tier> reached = tiers.tierFor(earnedClients);
        if (reached.isEmpty()) {
            return new BonusResult(true, List.of(), List.of(),
                    List.of(Explanation.of("explain.note.noClientsInMonth", month, tiers.tiers().get(0).from())));
        }
        MonthlyCountTiers.Tier tier = reached.get();
        Integer upTo = tiers.upTo(tier);
        Explanation explanation = upTo == null
                ? Explanation.of("explain.R3.atLeast", earnedClients, month, tier.from(), Money.show(tier.bonus()))
                : Explanation.of("explain.R3.between", earnedClients, month, tier.from(), upTo, Money.show(tier.bonus()));
        BonusLine line = new BonusLine(RuleCode.R3, Money.cents(tier.bonus()), plan.get().label(),
                calendar.firstWorkingDayAfter(month), explanation);
        return new BonusResult(true, List.of(), List.of(line), List.of());
    }

    /** R1: the last day money collected on an order of {@code orderDate} counts; none outside any plan. */
    public Optional<LocalDate> collectionWindowEnd(LocalDate orderDate) {
        return plans.inForce(PlanKind.NEW_CLIENT, NewClientRules.class, orderDate)
                .map(plan -> orderDate.plusDays(plan.rules().collectionWindowDays()));
    }

    /** R3: where {@code earnedClients} of {@code month} stand against the tiers in force; none outside any plan. */
    public Optional<MonthlyCountTiers.Progress> monthlyCountProgress(YearMonth month, int earnedClients) {
        return plans.inForce(PlanKind.MONTHLY_COUNT_TIER, MonthlyCountTiers.class, month.atEndOfMonth())
                .map(plan -> plan.rules().progress(earnedClients));
    }

    /** R4: the application deadline, the client's class, the share of the contract, and the kicker. */
    public BonusResult salesReferral(SalesReferralFacts facts) {
        Optional<PlanVersion<SalesReferralRules>> plan =
                plans.inForce(PlanKind.SALES_REFERRAL, SalesReferralRules.class, facts.signedDate());
        if (plan.isEmpty()) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW, facts.signedDate())));
        }
        SalesReferralRules rules = plan.get().rules();
        List<Reason> reasons = new ArrayList<>();
        int newClientYears = plans.inForce(PlanKind.NEW_CLIENT, NewClientRules.class, facts.signedDate())
                .map(newClient -> newClient.rules().newClientYears()).orElse(1);
        LocalDate last = facts.clientLastOrderDate();
        if (last != null && !last.isBefore(facts.signedDate().minusYears(newClientYears))
                && last.isBefore(facts.signedDate())) {
            reasons.add(new Reason(ReasonCode.NOT_NEW_CLIENT, Explanation.of("reason.NOT_NEW_CLIENT.referral", last,
                    newClientYears, facts.signedDate())));
        }
        LocalDate deadline = applicationDeadline(rules, facts.signedDate());
        if (facts.applicationDate().isAfter(deadline)) {
            reasons.add(Reason.of(ReasonCode.LATE_APPLICATION, facts.applicationDate(), deadline,
                    rules.applicationWorkingDays(), facts.signedDate()));
        }
        boolean big = facts.clientAnnualSales().compareTo(rules.bigClientMinSales()) >= 0;
        boolean ordinary = !big && facts.clientAnnualSales().compareTo(rules.ordinaryClientMinSales()) >= 0;
        if (!big && !ordinary) {
            reasons.add(Reason.of(ReasonCode.CLIENT_TOO_SMALL, Money.show(facts.clientAnnualSales()),
                    Money.show(rules.ordinaryClientMinSales())));
        }
        if (!reasons.isEmpty()) {
            return BonusResult.refused(reasons);
        }
        String label = plan.get().label();
        BigDecimal rate = big ? rules.bigClientRate() : rules.ordinaryClientRate();
        BigDecimal amount = Money.cents(rate.multiply(facts.contractAmount()));
        Explanation explanation = Explanation.of(big ? "explain.R4.big" : "explain.R4.ordinary",
                Money.show(facts.clientAnnualSales()), Money.percent(rate), Money.show(facts.contractAmount()),
                Money.show(amount));
        List<BonusLine> lines = new ArrayList<>();
        lines.add(capped(new BonusLine(RuleCode.R4, amount, label, facts.applicationDate(), explanation),
                rules.cap(), facts.contractAmount()));
        List<Explanation> notes = new ArrayList<>();
        kicker(facts, rules, big, label).ifPresentOrElse(lines::add, () -> notes.add(Explanation.of(
                "explain.note.kickerNotReached", rules.kickerMonths(),
                Money.show(big ? rules.bigKickerThreshold() : rules.ordinaryKickerThreshold()))));
        lines.sort(BY_DATE_THEN_RULE);
        return new BonusResult(true, List.of(), lines, notes);
    }

    /** The day a month's count tier is earned: the first working day after the month. */
    public LocalDate firstWorkingDayAfter(YearMonth month) {
        return calendar.firstWorkingDayAfter(month);
    }

    /** The working days left from {@code today} to {@code deadline}: 0 on the deadline itself, 1 the working day before. */
    public int workingDaysLeft(LocalDate today, LocalDate deadline) {
        return calendar.workingDaysAfter(today, deadline);
    }

    /** The last day to file a referral for a contract signed on {@code signedDate}; none outside any plan. */
    public Optional<LocalDate> referralDeadline(LocalDate signedDate) {
        return plans.inForce(PlanKind.SALES_REFERRAL, SalesReferralRules.class, signedDate)
                .map(plan -> applicationDeadline(plan.rules(), signedDate));
    }

    /** The last day to file a referral: the n-th working day after signing, the signing day being day 0. */
    public LocalDate applicationDeadline(SalesReferralRules rules, LocalDate signedDate) {
        return calendar.nthWorkingDayAfter(signedDate, rules.applicationWorkingDays());
    }

    private static Optional<BonusLine> kicker(SalesReferralFacts facts, SalesReferralRules rules, boolean big,
            String label) {
        BigDecimal threshold = big ? rules.bigKickerThreshold() : rules.ordinaryKickerThreshold();
        BigDecimal bonus = big ? rules.bigKickerBonus() : rules.ordinaryKickerBonus();
        List<YearMonth> starts = new ArrayList<>(facts.monthlyContractAmounts().keySet());
        starts.sort(null);
        for (YearMonth start : starts) {
            YearMonth end = start.plusMonths(rules.kickerMonths() - 1L);
            BigDecimal sum = BigDecimal.ZERO;
            for (YearMonth month = start; !month.isAfter(end); month = month.plusMonths(1)) {
                sum = sum.add(facts.monthlyContractAmounts().getOrDefault(month, BigDecimal.ZERO));
            }
            if (sum.compareTo(threshold) > 0) {
                return Optional.of(new BonusLine(RuleCode.R4_KICKER, Money.cents(bonus), label, end.atEndOfMonth(),
                        Explanation.of("explain.R4_KICKER", start, end, Money.show(sum), Money.show(threshold),
                                Money.show(bonus))));
            }
        }
        return Optional.empty();
    }

    /** R5 for one deal: excluded types and unpaid deals earn nothing; otherwise the plan's reward forms. */
    public BonusResult customerReferral(CustomerReferralFacts facts) {
        Optional<PlanVersion<CustomerReferralRules>> plan =
                plans.inForce(PlanKind.CUSTOMER_REFERRAL, CustomerReferralRules.class, facts.signedDate());
        if (plan.isEmpty()) {
            return BonusResult.refused(List.of(Reason.of(ReasonCode.OUTSIDE_PLAN_WINDOW, facts.signedDate())));
        }
        CustomerReferralRules rules = plan.get().rules();
        CustomerReferralRules.Reward reward = rules.rewards().get(facts.propertyType());
        List<Reason> reasons = new ArrayList<>();
        if (reward.excluded()) {
            reasons.add(Reason.of(ReasonCode.EXCLUDED_PROPERTY_TYPE, facts.propertyType()));
        }
        if (!facts.paidInFull()) {
            reasons.add(Reason.of(ReasonCode.NOT_PAID_IN_FULL));
        }
        if (!reasons.isEmpty()) {
            return BonusResult.refused(reasons);
        }
        String label = plan.get().label();
        List<BonusLine> options = new ArrayList<>();
        if (reward.rate() != null) {
            BigDecimal exact = reward.rate().multiply(facts.dealAmount());
            BigDecimal amount = Money.roundTo(exact, reward.roundTo());
            Explanation explanation = reward.roundTo().compareTo(Money.CENT) == 0
                    ? Explanation.of("explain.R5.rate", Money.percent(reward.rate()), Money.show(facts.dealAmount()),
                            Money.show(amount))
                    : Explanation.of("explain.R5.rateRounded", Money.percent(reward.rate()),
                            Money.show(facts.dealAmount()), Money.show(Money.cents(exact)),
                            Money.show(reward.roundTo()), Money.show(amount));
            options.add(new BonusLine(RuleCode.R5, amount, label, facts.signedDate(), explanation));
        }
        if (reward.fixedAmount() != null) {
            options.add(new BonusLine(RuleCode.R5, Money.cents(reward.fixedAmount()), label, facts.signedDate(),
                    Explanation.of("explain.R5.fixed", Money.show(reward.fixedAmount()))));
        }
        List<BonusLine> lines = options.stream().map(line -> capped(line, rules.cap(), facts.dealAmount())).toList();
        if (lines.size() > 1 && !rules.stacking()) {
            BonusLine higher = lines.stream().max(Comparator.comparing(BonusLine::amount)).orElseThrow();
            BonusLine lower = lines.get(lines.get(0) == higher ? 1 : 0);
            lines = List.of(higher.adjusted(higher.amount(), Explanation.of("explain.notStacked",
                    Money.show(higher.amount()), Money.show(lower.amount()))));
        }
        return new BonusResult(true, List.of(), lines, List.of());
    }

    /** R5 ranking: the quarter's referrers by total referred deal amount; tied totals share a rank. */
    public List<RankingAward> quarterlyRanking(Quarter quarter, List<ReferrerTotal> totals) {
        Optional<PlanVersion<CustomerReferralRules>> plan =
                plans.inForce(PlanKind.CUSTOMER_REFERRAL, CustomerReferralRules.class, quarter.lastDay());
        if (plan.isEmpty()) {
            return List.of();
        }
        List<BigDecimal> prizes = plan.get().rules().rankingPrizes();
        List<ReferrerTotal> ranked = totals.stream()
                .sorted(Comparator.comparing(ReferrerTotal::total).reversed().thenComparing(ReferrerTotal::referrer))
                .toList();
        List<RankingAward> awards = new ArrayList<>();
        for (ReferrerTotal entry : ranked) {
            int rank = 1 + (int) ranked.stream().filter(other -> other.total().compareTo(entry.total()) > 0).count();
            if (rank > prizes.size()) {
                break;
            }
            BigDecimal prize = Money.cents(prizes.get(rank - 1));
            awards.add(new RankingAward(entry.referrer(), rank, new BonusLine(RuleCode.R5_RANKING, prize,
                    plan.get().label(), quarter.lastDay(), Explanation.of("explain.R5_RANKING", rank, quarter,
                            Money.show(entry.total()), Money.show(prize)))));
        }
        return awards;
    }

    private static BonusLine capped(BonusLine line, Cap cap, BigDecimal base) {
        if (cap == null) {
            return line;
        }
        BigDecimal limit = cap.limitFor(base);
        if (limit == null || line.amount().compareTo(limit) <= 0) {
            return line;
        }
        return line.adjusted(Money.cents(limit), cap.explain(line.amount(), base));
    }

    /** A referrer's total referred deal amount in a quarter. */
    public record ReferrerTotal(String referrer, BigDecimal total) {
    }

    /** A ranking prize: the referrer, their rank, and the line that pays it. */
    public record RankingAward(String referrer, int rank, BonusLine line) {
    }
}
