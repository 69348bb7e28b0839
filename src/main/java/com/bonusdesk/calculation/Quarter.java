package com.bonusdesk.calculation;

import java.time.LocalDate;
import java.time.YearMonth;

/** A calendar quarter, e.g. 2026-Q1. */
public record Quarter(int year, int number) {

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A quarter is numbered 1 to 4");
        }
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate lastDay() {
        return YearMonth.of(year, number * 3).atEndOfMonth();
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
