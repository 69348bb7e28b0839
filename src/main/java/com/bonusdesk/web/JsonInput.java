package com.bonusdesk.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the API reads text and dates, for every request body alike: text that the database cannot keep (a
 * control character, a broken surrogate) and a date that is not {@code yyyy-MM-dd} (a day count such as
 * {@code 100}, a year of six digits) are refused as the value of their field, which the problem names. The
 * message key rides in the exception, so that the answer says what is wrong in the reader's language.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    @Bean
    JacksonModule jsonRequestValues() {
        return new SimpleModule("bonus-desk-request-values")
                .addDeserializer(String.class, new KeptText())
                .addDeserializer(LocalDate.class, new FromText<>(LocalDate.class, "problem.date", JsonInput::date))
                .addDeserializer(YearMonth.class, new FromText<>(YearMonth.class, "typeMismatch.java.time.YearMonth",
                        Dates::month));
    }

    /**
     * A date as {@code yyyy-MM-dd}. One that Java reads but no person means (a signed or six-digit year) is
     * refused with the words of {@link PlausibleDate}, as the field's own check would.
     */
    private static LocalDate date(String text) {
        try {
            return Dates.date(text);
        } catch (IllegalArgumentException notFourDigits) {
            try {
                LocalDate.parse(text);
            } catch (java.time.DateTimeException notADate) {
                throw notFourDigits;
            }
            throw new Implausible();
        }
    }

    /** A date outside the years a person means. */
    private static final class Implausible extends IllegalArgumentException {

        Implausible() {
            super("date.plausible");
        }
    }

    /** A string the database can keep. */
    private static final class KeptText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && !Text.isStorable(text)) {
                throw InvalidFormatException.from(parser, "problem.controlCharacter", text, String.class);
            }
            return text;
        }
    }

    /** A value written as a string in one format; a number, an array or an object is no such value. */
    private static final class FromText<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final String messageKey;
        private final Function<String, T> read;

        FromText(Class<T> type, String messageKey, Function<String, T> read) {
            this.type = type;
            this.messageKey = messageKey;
            this.read = read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getString().strip();
            try {
                return read.apply(text);
            } catch (Implausible e) {
                throw InvalidFormatException.from(parser, e.getMessage(), text, type);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw InvalidFormatException.from(parser, messageKey, text, type);
            }
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
