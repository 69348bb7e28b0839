package com.bonusdesk.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way money and dates are shown: in the reader's language, money always with two decimals.
 * Templates call it as {@code ${@formats.money(amount)}}.
 */
@Component("formats")
public class Formats {

    private static final Currency YUAN = Currency.getInstance("CNY");

    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = clock;
    }

    public String money(BigDecimal amount) {
        return money(amount, LocaleContextHolder.getLocale());
    }

    /** An amount kept as a decimal string, as figures for charts and programs keep it. */
    public String money(String decimal) {
        return decimal == null ? "" : money(new BigDecimal(decimal));
    }

    public String date(LocalDate date) {
        return date(date, LocaleContextHolder.getLocale());
    }

    public String dateTime(Instant instant) {
        return dateTime(instant, LocaleContextHolder.getLocale());
    }

    /** How long ago {@code instant} was, by the one clock: what a queue shows as the time an item has waited. */
    public Duration since(Instant instant) {
        Duration waited = instant == null ? Duration.ZERO : Duration.between(instant, clock.instant());
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    public String month(YearMonth month) {
        return month(month, LocaleContextHolder.getLocale());
    }

    public String month(YearMonth month, Locale locale) {
        String pattern = locale.getLanguage().equals("zh") ? "yyyy年M月" : "MMMM yyyy";
        return month == null ? "" : DateTimeFormatter.ofPattern(pattern, locale).format(month);
    }

    public String money(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(YUAN);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    public String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(clock.getZone())
                .format(instant);
    }
}
