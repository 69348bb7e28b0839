package com.bonusdesk.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.YearMonth;
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

    @InitBinder
    void readStrictly(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Strict<>(digits(Long::parseLong), true));
        binder.registerCustomEditor(long.class, new Strict<>(digits(Long::parseLong), false));
        binder.registerCustomEditor(Integer.class, new Strict<>(digits(Integer::parseInt), true));
        binder.registerCustomEditor(int.class, new Strict<>(digits(Integer::parseInt), false));
        binder.registerCustomEditor(LocalDate.class, new Strict<>(Dates::date, true));
        binder.registerCustomEditor(YearMonth.class, new Strict<>(Dates::month, true));
    }

    /** A whole number in ASCII digits, with an optional minus, that fits its type. */
    private static <T> Function<String, T> digits(Function<String, T> parse) {
        return text -> {
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException("Not a whole number in digits");
            }
            return parse.apply(text);
        };
    }

    /** A value read by {@code parse} from the trimmed text; blank is none for a wrapper type. */
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
            setValue(parse.apply(given));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
