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
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.plans.BonusRules;

/**
 * R3: for each salesperson, the month's new clients whose claim earned an order-size bonus, and the tier
 * they reach. It runs every night while the month can still change (until the first working day after it)
 * and can be re-run at any time: each run brings the month's lines to what the rules say, never adding twice.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class MonthlyCountBonus {

    private final ClaimRepository claims;
    private final Ledger ledger;
    private final BonusRules rules;
    private final Clock clock;

    /** Every night: last month's counts, until they are final on the first working day after it. */
    @Scheduled(cron = "${bonusdesk.monthly-count.cron:0 30 1 * * *}", zone = "${bonusdesk.zone:Asia/Shanghai}")
    @SchedulerLock(name = "monthly-count", lockAtLeastFor = "PT1M")
    public void nightly() {
        LocalDate today = LocalDate.now(clock);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        BonusCalculator calculator = rules.calculator();
        if (!today.isAfter(calculator.firstWorkingDayAfter(lastMonth))) {
            log.info("Computing the monthly client-count bonus for {}", lastMonth);
            compute(lastMonth);
        }
    }

    /** Brings every salesperson's R3 line for {@code month} to what the rules say; returns the lines added. */
    @Transactional
    public List<Ledger.Line> compute(YearMonth month) {
        ledger.lock(source(month), 0);
        Map<Long, Long> earnedClients = claims
                .findByStatusAndOrderDateBetween(ClaimStatus.APPROVED, month.atDay(1), month.atEndOfMonth()).stream()
                .filter(this::earnedOrderSizeBonus)
                .collect(Collectors.groupingBy(Claim::getSubmitterId, Collectors.counting()));
        BonusCalculator calculator = rules.calculator();
        String source = source(month);
        List<Long> payees = new ArrayList<>(earnedClients.keySet());
        ledger.payeesOf(source).stream().filter(payee -> !payees.contains(payee)).forEach(payees::add);
        return payees.stream()
                .flatMap(payee -> ledger.reconcile(source, payee, payee, calculator
                        .monthlyCount(month, earnedClients.getOrDefault(payee, 0L).intValue()).lines()).stream())
                .toList();
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

    private boolean earnedOrderSizeBonus(Claim claim) {
        return ledger.linesOf(ClaimService.SOURCE, claim.getId()).stream()
                .filter(line -> line.rule().equals(RuleCode.R2.name()))
                .map(Ledger.Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .signum() > 0;
    }
}
