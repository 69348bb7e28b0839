package com.bonusdesk.calculation;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    private final WorkingDays calendar = China2026.CALENDAR;

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-03-02, true",
            "2026-03-07, false",
            "2026-01-01, false",
            "2026-01-04, true",
            "2026-02-14, true",
            "2026-10-07, false",
            "2026-10-10, true",
            "2026-10-11, false"})
    void weekdaysWorkExceptHolidaysAndMakeUpDaysWorkToo(LocalDate date, boolean working) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void theSigningDayIsDayZero() {
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 3, 2), 0)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 3, 2), 1)).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void countingSkipsTheNationalHolidayAndCountsItsMakeUpDays() {
        // Sep 20 (Sun) and Oct 10 (Sat) are worked; Sep 25-27 and Oct 1-7 are off.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 9, 17), 15)).isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @ParameterizedTest(name = "from {0} to {1}: {2} working days left")
    @CsvSource({
            "2026-03-02, 2026-03-02, 0",
            "2026-03-02, 2026-03-04, 2",
            "2026-03-06, 2026-03-10, 2",
            "2026-03-10, 2026-03-06, 0",
            "2026-09-30, 2026-10-09, 2",
            "2026-09-30, 2026-10-10, 3"})
    void workingDaysLeftSkipWeekendsAndHolidaysAndCountMakeUpDays(LocalDate from, LocalDate to, int left) {
        assertThat(calendar.workingDaysAfter(from, to)).isEqualTo(left);
    }

    @Test
    void countingForwardAndCountingWhatIsLeftAgree() {
        LocalDate signed = LocalDate.of(2026, 9, 17);
        for (int n = 0; n <= 20; n++) {
            assertThat(calendar.workingDaysAfter(signed, calendar.nthWorkingDayAfter(signed, n))).isEqualTo(n);
        }
    }

    @Test
    void theLastWorkingDayOfAWeekMovesWithHolidaysAndMakeUpDays() {
        assertThat(calendar.lastWorkingDayOfWeek(LocalDate.of(2026, 3, 4))).contains(LocalDate.of(2026, 3, 6));
        // Apr 6 (Mon) is off but the Friday before is not; a holiday Friday moves it earlier:
        assertThat(calendar.lastWorkingDayOfWeek(LocalDate.of(2026, 6, 17))).contains(LocalDate.of(2026, 6, 18));
        // a make-up Saturday moves it later:
        assertThat(calendar.lastWorkingDayOfWeek(LocalDate.of(2026, 2, 12))).contains(LocalDate.of(2026, 2, 14));
        assertThat(calendar.lastWorkingDayOfWeek(LocalDate.of(2026, 10, 5))).contains(LocalDate.of(2026, 10, 10));
    }

    @Test
    void aWeekWithNoWorkingDayHasNoLastWorkingDay() {
        HolidayCalendar allOff = new HolidayCalendar(java.util.stream.Stream
                .iterate(LocalDate.of(2026, 3, 2), date -> date.plusDays(1)).limit(5)
                .collect(java.util.stream.Collectors.toSet()), java.util.Set.of());
        assertThat(allOff.lastWorkingDayOfWeek(LocalDate.of(2026, 3, 4))).isEmpty();
    }

    @Test
    void theFirstWorkingDayAfterAMonthSkipsHolidays() {
        assertThat(calendar.firstWorkingDayAfter(YearMonth.of(2026, 3))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(calendar.firstWorkingDayAfter(YearMonth.of(2026, 4))).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(calendar.firstWorkingDayAfter(YearMonth.of(2026, 9))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.firstWorkingDayAfter(YearMonth.of(2025, 12))).isEqualTo(LocalDate.of(2026, 1, 4));
    }
}
