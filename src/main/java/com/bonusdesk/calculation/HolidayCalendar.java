package com.bonusdesk.calculation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Monday to Friday are working days, except public holidays; a make-up working day (调休) is a working day
 * even on a weekend.
 */
public record HolidayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) implements WorkingDays {

    public HolidayCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
