package com.bonusdesk.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.bonusdesk.calendar.CompanyCalendar;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The run starts by itself on the last working day of each week of the shipped 2026 calendar. */
@IntegrationTest
@TestPropertySource(properties = "bonusdesk.payouts.chunk-size=3")
class WeeklyPayoutScheduleTest {

    @Autowired
    PayoutRuns runs;

    @Autowired
    CompanyCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @BeforeEach
    void startFromNoRuns() {
        new PayoutFixture(jdbc, ledger).forgetAllLinesAndRuns();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(nullValues = "none", value = {
            "2026-06-12, 2026-06-14, an ordinary Friday",
            "2026-06-11, none,       an ordinary Thursday",
            "2026-06-18, 2026-06-21, the Thursday before the Dragon Boat Festival Friday",
            "2026-06-19, none,       the Dragon Boat Festival Friday itself",
            "2026-05-08, none,       the Friday before the Labour Day make-up Saturday",
            "2026-05-09, 2026-05-10, the Labour Day make-up Saturday",
            "2026-10-10, 2026-10-11, the National Day make-up Saturday",
    })
    void buildsTheWeeksRunOnlyOnItsLastWorkingDay(LocalDate today, LocalDate weekEnding, String why) {
        WeeklyPayoutSchedule schedule = new WeeklyPayoutSchedule(runs, calendar, at(today));

        assertThat(schedule.runIfPayoutDay().map(PayoutRun::getWeekEnding)).as(why).isEqualTo(Optional.ofNullable(weekEnding));
        assertThat(schedule.runIfPayoutDay()).as("the same day again").isEmpty();
    }

    private static Clock at(LocalDate day) {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(day.atTime(LocalTime.of(17, 0)).atZone(shanghai).toInstant(), shanghai);
    }
}
