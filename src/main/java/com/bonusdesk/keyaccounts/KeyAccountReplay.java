package com.bonusdesk.keyaccounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.plans.PlanReplay;

/** Key accounts' closed months, their purchases, modes and approved agreements, computed again: R7's subsidies. */
@Component
@RequiredArgsConstructor
class KeyAccountReplay implements PlanReplay {

    private final KeyAccounts keyAccounts;
    private final Clock clock;

    @Override
    public Set<PlanKind> kinds() {
        return Set.of(PlanKind.KEY_ACCOUNT);
    }

    @Override
    public void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink) {
        Sink inPeriod = sink.earnedBetween(from, to);
        for (YearMonth month : PlanReplay.monthsEarningIn(from, to, YearMonth.now(clock).minusMonths(1))) {
            keyAccounts.replay(calculator, month, inPeriod);
        }
    }
}
