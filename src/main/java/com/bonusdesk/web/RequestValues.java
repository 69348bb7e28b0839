package com.bonusdesk.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How a number or a date typed into a URL or a form is read, for every controller alike. Java reads far more
 * than a person means: {@code +1}, {@code ０x1}, full-width and Arabic-Indic digits as numbers, years beyond
 * four digits that no column can hold. Here a number is ASCII digits with an optional minus, and a date is
 * {@code yyyy-MM-dd}; anything else is a type mismatch, which the API answers with 400 naming the parameter
 * (404 for an id in the path) and a form with the field's error.
 */
@ControllerAdvice
class RequestValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @InitBinder
    void readStrictly(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Strict<>(Long::parseLong, true));
        binder.registerCustomEditor(long.class, new Strict<>(Long::parseLong, false));
        binder.registerCustomEditor(Integer.class, new Strict<>(Integer::parseInt, true));
        binder.registerCustomEditor(int.class, new Strict<>(Integer::parseInt, false));
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : date(text.strip()));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }

    /** A date as {@code yyyy-MM-dd}, a real one (no 30 February); the one reading for forms, URLs and JSON. */
    static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a date such as 2026-03-02");
        }
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a real date", e);
        }
    }

    /** A whole number in ASCII digits that fits its type; blank is none for a wrapper type. */
    private static final class Strict<T> extends PropertyEditorSupport {

        private final Function<String, T> parse;
        private final boolean blankIsNone;

        Strict(Function<String, T> parse, boolean blankIsNone) {
            this.parse = parse;
            this.blankIsNone = blankIsNone;
        }

        @Override
        public void setAsText(String text) {
            String given = text == null ? "" : text.strip();
            if (given.isEmpty() && blankIsNone) {
                setValue(null);
                return;
            }
            if (!WHOLE_NUMBER.matcher(given).matches()) {
                throw new IllegalArgumentException("Not a whole number in digits");
            }
            setValue(parse.apply(given));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
