package com.bonusdesk.calculation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** The company calendar: which dates are working days, and the date arithmetic the rules need. */
public interface WorkingDays {

    boolean isWorkingDay(LocalDate date);

    /** The n-th working day after {@code start}, which itself is day 0 whatever it is. */
    default LocalDate nthWorkingDayAfter(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate date = start;
        for (int counted = 0; counted < n; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** How many working days come after {@code from} up to and including {@code to}; none when {@code to} is not later. */
    default int workingDaysAfter(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return counted;
    }

    /** The last working day of the Monday–Sunday week holding {@code anyDay}; empty when the whole week is off. */
    default Optional<LocalDate> lastWorkingDayOfWeek(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate date = monday.plusDays(6); !date.isBefore(monday); date = date.minusDays(1)) {
            if (isWorkingDay(date)) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    /** The first working day after the month ends. */
    default LocalDate firstWorkingDayAfter(YearMonth month) {
        LocalDate date = month.plusMonths(1).atDay(1);
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }
}
