package com.bonusdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import com.bonusdesk.refusal.Refusal;

/**
 * The one status rule: which HTTP status each kind of refusal is, and its words in the reader's language, as a
 * problem for the API and as a message for the pages. Both read the refusal here, so a page and the API always
 * say the same thing.
 */
@Component
public class Refusals {

    private final Problems problems;
    private final MessageSource messages;

    Refusals(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    public static HttpStatus status(Refusal refusal) {
        if (refusal instanceof Refusal.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof Refusal.NotPermitted) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof Refusal.WrongState) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof Refusal.NotEligible) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** The message key and arguments a person is told, before they are put into words. */
    public record Words(String key, List<Object> arguments) {
    }

    /** What a person is told: the refusal's own words, or for several reasons or fields the first of them. */
    public static Words words(Refusal refusal) {
        if (refusal instanceof Refusal.NotEligible notEligible && !notEligible.reasons().isEmpty()) {
            Refusal.Reason reason = notEligible.reasons().get(0);
            return new Words(reason.messageKey(), reason.arguments());
        }
        if (refusal instanceof Refusal.InvalidInput invalid && !invalid.problems().isEmpty()) {
            Refusal.FieldProblem problem = invalid.problems().get(0);
            return new Words(problem.messageKey(), problem.arguments());
        }
        return new Words(refusal.messageKey(), refusal.arguments());
    }

    /** {@link #words} in the reader's language. */
    public String message(Refusal refusal, Locale locale) {
        Words words = words(refusal);
        return text(words.key(), words.arguments(), locale);
    }

    public ProblemDetail problem(Refusal refusal, Locale locale) {
        if (refusal instanceof Refusal.InvalidInput invalid) {
            return invalid(errors(invalid, locale), locale);
        }
        ProblemDetail problem = problems.of(status(refusal), locale);
        if (refusal instanceof Refusal.NotEligible notEligible) {
            problem.setDetail(text(refusal.messageKey(), refusal.arguments(), locale));
            problem.setProperty("reasons", reasons(notEligible, locale));
        } else if (!(refusal instanceof Refusal.NotFound)) {
            problem.setDetail(text(refusal.messageKey(), refusal.arguments(), locale));
        }
        if (refusal instanceof Refusal.WrongState wrongState) {
            wrongState.properties().forEach(problem::setProperty);
        }
        return problem;
    }

    /** A reason as a page lists it: its code and its words in the reader's language. */
    public record Shown(String code, String message) {
    }

    public List<Shown> shown(List<Refusal.Reason> reasons, Locale locale) {
        return reasons.stream().map(reason -> new Shown(reason.code(), text(reason.messageKey(), reason.arguments(),
                locale))).toList();
    }

    /** A 415 problem: the endpoint reads JSON, and says so in {@code accepted}. */
    public ProblemDetail unsupportedMediaType(Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, locale);
        problem.setDetail(messages.getMessage("problem.unsupportedMediaType",
                new Object[] {MediaType.APPLICATION_JSON_VALUE}, locale));
        problem.setProperty("accepted", List.of(MediaType.APPLICATION_JSON_VALUE));
        return problem;
    }

    /** What a value of the wrong type should have been, in words: a date, a whole number, an amount. */
    String typeMismatch(TypeMismatchException mismatch, Locale locale) {
        Class<?> type = mismatch.getRequiredType();
        String fallback = messages.getMessage("typeMismatch", null, locale);
        return type == null ? fallback : messages.getMessage("typeMismatch." + ClassUtils.resolvePrimitiveIfNecessary(type)
                .getName(), null, fallback, locale);
    }

    /** A 400 problem listing {@code errors}, each {@code {field, message}}. */
    ProblemDetail invalid(List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, locale);
        problem.setDetail(messages.getMessage("problem.invalidFields", new Object[] {errors.size()}, locale));
        problem.setProperty("errors", errors);
        return problem;
    }

    private List<Map<String, String>> reasons(Refusal.NotEligible refusal, Locale locale) {
        return refusal.reasons().stream().map(reason -> {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("code", reason.code());
            shown.put("message", text(reason.messageKey(), reason.arguments(), locale));
            return shown;
        }).toList();
    }

    private List<Map<String, String>> errors(Refusal.InvalidInput refusal, Locale locale) {
        return refusal.problems().stream()
                .map(problem -> fieldError(problem.field(), text(problem.messageKey(), problem.arguments(), locale)))
                .toList();
    }

    private String text(String key, List<Object> arguments, Locale locale) {
        return messages.getMessage(key, arguments.toArray(), key, locale);
    }

    static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
