package com.bonusdesk.calculation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** The 2026 public holidays and make-up working days of mainland China, as the product ships them. */
final class China2026 {

    static final HolidayCalendar CALENDAR = new HolidayCalendar(holidays(), Set.of(
            LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    private China2026() {
    }

    private static Set<LocalDate> holidays() {
        Set<LocalDate> off = new HashSet<>();
        addRange(off, "2026-01-01", "2026-01-03");
        addRange(off, "2026-02-15", "2026-02-23");
        addRange(off, "2026-04-04", "2026-04-06");
        addRange(off, "2026-05-01", "2026-05-05");
        addRange(off, "2026-06-19", "2026-06-21");
        addRange(off, "2026-09-25", "2026-09-27");
        addRange(off, "2026-10-01", "2026-10-07");
        return off;
    }

    private static void addRange(Set<LocalDate> dates, String from, String to) {
        for (LocalDate date = LocalDate.parse(from); !date.isAfter(LocalDate.parse(to)); date = date.plusDays(1)) {
            dates.add(date);
        }
    }
}
