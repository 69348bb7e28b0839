package com.bonusdesk.home;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.bonusdesk.refusal.Refusal;

/**
 * The months a dashboard's charts cover, first to last, and the team they are narrowed to (a manager's reporting
 * line), if any. Without a choice: the months ending with this one that the dashboard shows by default, the whole
 * company.
 */
public record DashboardPeriod(YearMonth from, YearMonth to, Long team) {

    /** Longer periods would make charts nobody can read, and their queries scan years of lines. */
    static final int MOST_MONTHS = 24;

    /**
     * The period asked for, refused with the field at fault when it runs backwards, is too long or in the future;
     * without {@code to} it ends this month, without {@code from} it is {@code defaultMonths} long.
     */
    static DashboardPeriod of(YearMonth from, YearMonth to, Long team, YearMonth thisMonth, int defaultMonths) {
        YearMonth last = to == null ? thisMonth : to;
        YearMonth first = from == null ? last.minusMonths(defaultMonths - 1L) : from;
        if (last.isAfter(thisMonth)) {
            throw new Refusal.InvalidInput("to", "dashboard.period.future", thisMonth.toString());
        }
        if (first.isAfter(last)) {
            throw new Refusal.InvalidInput("from", "dashboard.period.backwards", first.toString(), last.toString());
        }
        if (first.plusMonths(MOST_MONTHS).isBefore(last.plusMonths(1))) {
            throw new Refusal.InvalidInput("from", "dashboard.period.tooLong", MOST_MONTHS);
        }
        return new DashboardPeriod(first, last, team);
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** Each month of the period, oldest first, as {@code yyyy-MM}. */
    public List<String> months() {
        return Months.ending(to, (int) from.until(to, ChronoUnit.MONTHS) + 1);
    }
}
