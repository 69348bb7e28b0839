package com.bonusdesk.home;

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
import com.bonusdesk.payouts.PayoutReports;
import com.bonusdesk.payouts.PayoutRunStatus;

/**
 * Finance's picture, computed from the payout runs each time: each plan's budget for the current period against
 * what the period's runs spent and where it ends at today's pace, and the weekly runs' totals over time.
 */
@Service
@RequiredArgsConstructor
public class FinanceDashboard {

    static final int RUNS = 12;

    private final PayoutReports payouts;
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
        return new FinanceFigures(budgets, runs);
    }
}
