package com.bonusdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.bonusdesk.calculation.WorkingDays;

/** A year laid out as twelve month grids, Monday first, each day marked as the calendar sees it. */
record YearView(Year year, List<MonthView> months) {

    enum DayKind {
        WORKING, WEEKEND, HOLIDAY, MAKE_UP
    }

    record DayCell(LocalDate date, DayKind kind, String name) {
    }

    record MonthView(YearMonth month, List<List<DayCell>> weeks) {
    }

    static YearView of(Year year, List<CalendarDay> exceptions, WorkingDays calendar) {
        Map<LocalDate, CalendarDay> byDate = exceptions.stream()
                .collect(Collectors.toMap(CalendarDay::getDay, Function.identity()));
        List<MonthView> months = new ArrayList<>();
        for (int number = 1; number <= 12; number++) {
            YearMonth month = year.atMonth(number);
            List<List<DayCell>> weeks = new ArrayList<>();
            DayCell[] week = new DayCell[7];
            for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
                int column = date.getDayOfWeek().getValue() - 1;
                week[column] = cell(date, byDate.get(date), calendar);
                if (date.getDayOfWeek() == DayOfWeek.SUNDAY || date.equals(month.atEndOfMonth())) {
                    weeks.add(Arrays.asList(week));
                    week = new DayCell[7];
                }
            }
            months.add(new MonthView(month, weeks));
        }
        return new YearView(year, months);
    }

    private static DayCell cell(LocalDate date, CalendarDay exception, WorkingDays calendar) {
        if (exception != null) {
            return new DayCell(date, exception.getKind() == CalendarDay.Kind.HOLIDAY ? DayKind.HOLIDAY
                    : DayKind.MAKE_UP, exception.getName());
        }
        return new DayCell(date, calendar.isWorkingDay(date) ? DayKind.WORKING : DayKind.WEEKEND, null);
    }
}
