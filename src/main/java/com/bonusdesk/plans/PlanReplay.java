package com.bonusdesk.plans;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.PlanKind;

/**
 * The sources of one module (claims, referrals…) computed again from the facts they hold, with a calculator of the
 * caller's choosing, writing nothing: how a simulation replays history through a draft plan. Each module that earns
 * lines under a plan offers one.
 */
public interface PlanReplay {

    /** The plans whose lines these sources earn. */
    Set<PlanKind> kinds();

    /**
     * Computes with {@code calculator} every line these sources earn from {@code from} to {@code to} (by the day a
     * line is earned) and hands each to {@code sink} with its payee.
     */
    void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink);

    /**
     * The months whose line may be earned from {@code from} to {@code to}, up to {@code last}: a month's line is
     * earned after it ends, so the month before the period counts too.
     */
    static List<YearMonth> monthsEarningIn(LocalDate from, LocalDate to, YearMonth last) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from).minusMonths(1); !month.isAfter(YearMonth.from(to))
                && !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** Where replayed lines go. */
    @FunctionalInterface
    interface Sink {

        void accept(long payeeId, BonusLine line);

        /** This sink, taking only the lines earned from {@code from} to {@code to}. */
        default Sink earnedBetween(LocalDate from, LocalDate to) {
            return (payeeId, line) -> {
                if (!line.earnedOn().isBefore(from) && !line.earnedOn().isAfter(to)) {
                    accept(payeeId, line);
                }
            };
        }
    }
}
