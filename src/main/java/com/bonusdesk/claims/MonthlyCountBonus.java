package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.NewClientRules;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;

/**
 * R3: for each salesperson, the month's new clients whose claim earned an order-size bonus, and the tier
 * they reach. A client counts in the month of its order also when its money comes after the month ended, so the
 * month is computed on the first working day after it and again whenever its count can change, until the
 * collection window of the month's last order has closed: every night, and at once when a collection changes it.
 * A change adds one correcting line for the difference, earned on the day of the change, never a second payment;
 * running any of these twice adds nothing.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class MonthlyCountBonus {

    /** The collection window when no new-client plan says otherwise. */
    private static final int DEFAULT_WINDOW_DAYS = 30;

    private final ClaimRepository claims;
    private final Ledger ledger;
    private final BonusRules rules;
    private final PlanCatalogue plans;
    private final Clock clock;

    /**
     * Every night: the last two months' counts, while each may still change. In a transaction of its own, as
     * {@link #compute} is called on this object, not through the proxy that would open one.
     */
    @Scheduled(cron = "${bonusdesk.monthly-count.cron:0 30 1 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "monthly-count", lockAtLeastFor = "PT1M")
    @Transactional
    public void nightly() {
        LocalDate today = LocalDate.now(clock);
        for (YearMonth month : List.of(YearMonth.from(today).minusMonths(2), YearMonth.from(today).minusMonths(1))) {
            if (isOpen(month, today)) {
                log.info("Computing the monthly client-count bonus for {}", month);
                compute(month, today);
            }
        }
    }

    /**
     * Whether {@code month}'s count may still change on {@code day}: after the month, until its first working day
     * after it and until the collection window of an order on its last day has closed.
     */
    public boolean isOpen(YearMonth month, LocalDate day) {
        int window = plans.inForce(PlanKind.NEW_CLIENT, NewClientRules.class, month.atEndOfMonth())
                .map(plan -> plan.rules().collectionWindowDays()).orElse(DEFAULT_WINDOW_DAYS);
        LocalDate closes = max(rules.calculator().firstWorkingDayAfter(month), month.atEndOfMonth().plusDays(window));
        return day.isAfter(month.atEndOfMonth()) && !day.isAfter(closes);
    }

    /** Brings every salesperson's R3 lines for {@code month} to what the rules say today; returns the lines added. */
    @Transactional
    public List<Ledger.Line> compute(YearMonth month) {
        return compute(month, LocalDate.now(clock));
    }

    /**
     * Brings every salesperson's R3 lines for {@code month} to what the rules say, a change on {@code changedOn}:
     * a payee's first line is the month's tier, earned on the first working day after it; a later change of their
     * tier is a line for the difference, earned on {@code changedOn} (never before that first working day).
     */
    @Transactional
    public List<Ledger.Line> compute(YearMonth month, LocalDate changedOn) {
        String source = source(month);
        ledger.lock(source, 0);
        Map<Long, Long> earnedClients = claims
                .findByStatusAndOrderDateBetween(ClaimStatus.APPROVED, month.atDay(1), month.atEndOfMonth()).stream()
                .filter(this::earnedOrderSizeBonus)
                .collect(Collectors.groupingBy(Claim::getSubmitterId, Collectors.counting()));
        BonusCalculator calculator = rules.calculator();
        List<Long> payees = new ArrayList<>(earnedClients.keySet());
        ledger.payeesOf(source).stream().filter(payee -> !payees.contains(payee)).forEach(payees::add);
        List<Ledger.Line> added = new ArrayList<>();
        for (long payee : payees) {
            added.addAll(settle(calculator, month, payee, earnedClients.getOrDefault(payee, 0L).intValue(), changedOn));
        }
        return added;
    }

    /** The same for one salesperson, whose claim's money changed on {@code changedOn}. */
    @Transactional
    public List<Ledger.Line> compute(YearMonth month, long payee, LocalDate changedOn) {
        ledger.lock(source(month), 0);
        return settle(rules.calculator(), month, payee, earnedClients(payee, month), changedOn);
    }

    private List<Ledger.Line> settle(BonusCalculator calculator, YearMonth month, long payee, int counted,
            LocalDate changedOn) {
        String source = source(month);
        List<BonusLine> tier = calculator.monthlyCount(month, counted).lines();
        List<Ledger.Line> had = ledger.linesOf(source, payee);
        if (had.isEmpty()) {
            return ledger.reconcile(source, payee, payee, tier);
        }
        BigDecimal owed = tier.stream().map(BonusLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = had.stream().map(Ledger.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = owed.subtract(paid);
        if (difference.signum() == 0) {
            return List.of();
        }
        String version = tier.isEmpty() ? had.get(had.size() - 1).planVersion() : tier.get(0).planVersion();
        LocalDate correctedOn = max(calculator.firstWorkingDayAfter(month), changedOn);
        return List.of(ledger.append(source, payee, payee, new BonusLine(RuleCode.R3, difference, version,
                correctedOn, Explanation.of("explain.R3.correction", counted, month, Money.show(owed),
                        Money.show(paid), Money.show(difference)))));
    }

    /** How many of the salesperson's new clients count towards {@code month}'s tier so far. */
    @Transactional(readOnly = true)
    public int earnedClients(long submitterId, YearMonth month) {
        return (int) claims.findBySubmitterIdAndStatusAndOrderDateBetween(submitterId, ClaimStatus.APPROVED,
                month.atDay(1), month.atEndOfMonth()).stream().filter(this::earnedOrderSizeBonus).count();
    }

    static String source(YearMonth month) {
        return "R3:" + month;
    }

    private static LocalDate max(LocalDate first, LocalDate second) {
        return first.isAfter(second) ? first : second;
    }

    private boolean earnedOrderSizeBonus(Claim claim) {
        return ledger.linesOf(ClaimService.SOURCE, claim.getId()).stream()
                .filter(line -> line.rule().equals(RuleCode.R2.name()))
                .map(Ledger.Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .signum() > 0;
    }
}
