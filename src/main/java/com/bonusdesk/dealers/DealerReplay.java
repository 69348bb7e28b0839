package com.bonusdesk.dealers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.plans.PlanReplay;

/** Dealers' closed months and years, their orders and targets, computed again: R8's monthly and annual rebates. */
@Component
@RequiredArgsConstructor
class DealerReplay implements PlanReplay {

    private final Dealers dealers;
    private final Clock clock;

    @Override
    public Set<PlanKind> kinds() {
        return Set.of(PlanKind.DEALER);
    }

    @Override
    public void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink) {
        Sink inPeriod = sink.earnedBetween(from, to);
        YearMonth lastClosed = YearMonth.now(clock).minusMonths(1);
        for (YearMonth month : PlanReplay.monthsEarningIn(from, to, lastClosed)) {
            dealers.replayMonth(calculator, month, inPeriod);
        }
        // a year's rebate is earned after it ends: the year before the period may count
        for (int year = from.getYear() - 1; year <= to.getYear() && year < lastClosed.plusMonths(1).getYear(); year++) {
            dealers.replayYear(calculator, year, inPeriod);
        }
    }
}
