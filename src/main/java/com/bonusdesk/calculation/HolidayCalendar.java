package com.bonusdesk.calculation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Monday to Friday are working days, except public holidays; a make-up working day (调休) is a working day
 * even on a weekend.
 */
public record HolidayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) implements WorkingDays {

    public HolidayCalendar {
        holidays = lookedUpOften(holidays);
        makeUpWorkingDays = lookedUpOften(makeUpWorkingDays);
    }

    /**
     * A hash set rather than {@link Set#copyOf}: holidays are runs of consecutive dates, whose consecutive hash
     * codes pile up in the open addressing of the immutable sets, and deadlines look up every day they count.
     */
    private static Set<LocalDate> lookedUpOften(Set<LocalDate> dates) {
        Set<LocalDate> copy = new HashSet<>(dates.size() * 2);
        for (LocalDate date : dates) {
            copy.add(Objects.requireNonNull(date));
        }
        return Collections.unmodifiableSet(copy);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return weekend ? makeUpWorkingDays.contains(date) : !holidays.contains(date);
    }
}
