package com.bonusdesk.home;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.claims.ClaimFigures;
import com.bonusdesk.payouts.PayoutReports;
import com.bonusdesk.payouts.PayoutRunStatus;

/**
 * Finance's picture, computed from the payout runs, the ledger and the collections each time: each plan's budget
 * for the current period against what the period's runs spent and where it ends at today's pace, the weekly runs'
 * totals over time, what the next run holds so far, and the approved claims still waiting for money.
 */
@Service
@RequiredArgsConstructor
public class FinanceDashboard {

    static final int RUNS = 12;

    private static final int AWAITING_SHOWN = 10;

    private final PayoutReports payouts;
    private final ClaimFigures claims;
    private final MessageSource messages;
    private final Clock clock;

    @Transactional(readOnly = true)
    public FinanceFigures of(Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<FinanceFigures.Budget> budgets = payouts.budgetsOn(today).stream()
                .map(burn -> new FinanceFigures.Budget(burn.plan().name(),
                        messages.getMessage("plan.kind." + burn.plan().name(), null, burn.plan().name(), locale),
                        burn.budget().period().name(), burn.budget().from(), burn.budget().to(),
                        burn.budget().amount().toPlainString(), burn.spent().toPlainString(),
                        burn.projected().toPlainString(), burn.projectedOver()))
                .toList();
        List<FinanceFigures.Run> runs = payouts.list(EnumSet.complementOf(EnumSet.of(PayoutRunStatus.REJECTED)),
                        PageRequest.of(0, RUNS, Sort.by(Sort.Direction.DESC, "weekEnding"))).getContent().stream()
                .sorted(Comparator.comparing(run -> run.getWeekEnding()))
                .map(run -> new FinanceFigures.Run(run.getId(), run.getWeekEnding(), run.getStatus().name(),
                        (run.getTotal() == null ? Money.ZERO : run.getTotal()).toPlainString(), "/payouts/" + run.getId()))
                .toList();
        return new FinanceFigures(budgets, runs, nextRun(today, locale), moneyAwaited(today));
    }

    private FinanceFigures.NextRun nextRun(LocalDate today, Locale locale) {
        PayoutReports.NextRun next = payouts.nextRun(today);
        List<FinanceFigures.RuleAmount> byRule = next.byRule().entrySet().stream()
                .map(rule -> new FinanceFigures.RuleAmount(rule.getKey().name(),
                        messages.getMessage("rule." + rule.getKey().name(), null, rule.getKey().name(), locale),
                        rule.getValue().toPlainString()))
                .toList();
        return new FinanceFigures.NextRun(next.weekEnding(), next.lines(), next.payees(), next.total().toPlainString(),
                byRule);
    }

    private FinanceFigures.MoneyAwaited moneyAwaited(LocalDate today) {
        List<ClaimFigures.WaitingForMoney> waiting = claims.waitingForMoney(today);
        BigDecimal collected = waiting.stream().map(ClaimFigures.WaitingForMoney::collected)
                .reduce(Money.ZERO, BigDecimal::add);
        BigDecimal outstanding = waiting.stream().map(ClaimFigures.WaitingForMoney::outstanding)
                .reduce(Money.ZERO, BigDecimal::add);
        List<FinanceFigures.ClaimAwaiting> soonest = waiting.stream()
                .sorted(Comparator.comparing(ClaimFigures.WaitingForMoney::windowEnds)
                        .thenComparing(ClaimFigures.WaitingForMoney::claimId))
                .limit(AWAITING_SHOWN)
                .map(claim -> new FinanceFigures.ClaimAwaiting(claim.claimId(), claim.client(), claim.orderNumber(),
                        claim.orderDate(), claim.orderAmount().toPlainString(), claim.collected().toPlainString(),
                        claim.windowEnds(), "/collections?q=" + URLEncoder.encode(claim.orderNumber(), StandardCharsets.UTF_8)))
                .toList();
        return new FinanceFigures.MoneyAwaited(waiting.size(), collected.toPlainString(), outstanding.toPlainString(),
                soonest);
    }
}
