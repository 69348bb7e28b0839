package com.bonusdesk.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Dates and months as people and files write them: {@code 2026-03-02} and {@code 2026-03}, four-digit years, real
 * days. Java also reads signed and six-digit years that no column can hold; the one reading of forms, URLs, JSON
 * and imported files refuses them.
 */
public final class Dates {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** A date as {@code yyyy-MM-dd}; anything else is an {@link IllegalArgumentException}. */
    public static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a date such as 2026-03-02");
        }
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a real date", e);
        }
    }

    /** A month as {@code yyyy-MM}; anything else is an {@link IllegalArgumentException}. */
    public static YearMonth month(String text) {
        if (!MONTH.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a month such as 2026-03");
        }
        return YearMonth.parse(text);
    }
}
