package com.bonusdesk.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"),
            ZoneId.of("Asia/Shanghai")));

    @Test
    void moneyIsShownInYuanWithTwoDecimalsInEachLanguage() {
        assertThat(formats.money(new BigDecimal("1234.5"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥1,234.50");
        assertThat(formats.money(new BigDecimal("1234.5"), Locale.ENGLISH)).isEqualTo("CN¥1,234.50");
        assertThat(formats.money(new BigDecimal("-80"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("-¥80.00");
    }

    @Test
    void datesAreWrittenTheWayEachLanguageWritesThem() {
        LocalDate orderDate = LocalDate.of(2026, 3, 2);
        assertThat(formats.date(orderDate, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年3月2日");
        assertThat(formats.date(orderDate, Locale.ENGLISH)).isEqualTo("Mar 2, 2026");
    }

    @Test
    void monthsAreNamedTheWayEachLanguageNamesThem() {
        assertThat(formats.month(java.time.YearMonth.of(2026, 3), Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年3月");
        assertThat(formats.month(java.time.YearMonth.of(2026, 3), Locale.ENGLISH)).isEqualTo("March 2026");
    }

    @Test
    void momentsAreShownInTheCompanyTimeZone() {
        Instant lateEveningUtc = Instant.parse("2026-03-01T20:30:00Z");
        assertThat(formats.dateTime(lateEveningUtc, Locale.SIMPLIFIED_CHINESE)).startsWith("2026年3月2日");
        assertThat(formats.dateTime(lateEveningUtc, Locale.ENGLISH)).startsWith("Mar 2, 2026").contains("4:30");
    }

    @Test
    void nothingIsShownForAMissingValue() {
        assertThat(formats.money(null, Locale.ENGLISH)).isEmpty();
        assertThat(formats.date(null, Locale.ENGLISH)).isEmpty();
    }
}
