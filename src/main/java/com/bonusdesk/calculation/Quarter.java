package com.bonusdesk.calculation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, e.g. 2026-Q1. */
public record Quarter(int year, int number) {

    private static final Pattern WRITTEN = Pattern.compile("(19[0-9]{2}|2[0-9]{3})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A quarter is numbered 1 to 4");
        }
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** A quarter as written, e.g. {@code 2026-Q2}; empty for anything else. */
    public static Optional<Quarter> parse(String text) {
        Matcher matcher = WRITTEN.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    public LocalDate firstDay() {
        return YearMonth.of(year, number * 3 - 2).atDay(1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public LocalDate lastDay() {
        return YearMonth.of(year, number * 3).atEndOfMonth();
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
