package com.bonusdesk.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.bonusdesk.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;

/**
 * Problem JSON for everything the API's controllers throw: Spring MVC's own exceptions get their RFC 9457
 * form from the base class, in the reader's language; anything unexpected is logged and answered with a
 * plain 500 that reveals nothing.
 */
@Slf4j
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Problems problems;
    private final MessageSource messages;
    private final Refusals refusals;
    private final DatabaseUnreachable outages;

    ApiExceptionHandler(Problems problems, MessageSource messages, Refusals refusals, DatabaseUnreachable outages) {
        this.problems = problems;
        this.messages = messages;
        this.refusals = refusals;
        this.outages = outages;
    }

    /** Each invalid field with what is wrong with it, in the reader's language. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Refusals.fieldError(error.getField(), messages.getMessage(error, locale)))
                .toList();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusals.invalid(errors, locale));
    }

    /** Malformed JSON, a value of the wrong type, an unknown kind: say which field when the parser knows. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = unreadableField(exception);
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, locale);
        if (field == null) {
            problem.setDetail(messages.getMessage("problem.unreadable", null, locale));
        } else {
            problem.setDetail(messages.getMessage("problem.unreadableField", new Object[] {field}, locale));
            problem.setProperty("errors", List.of(Refusals.fieldError(field, whatIsWrong(exception, locale))));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The words a reading of the value gave (its message key, see {@code JsonInput}), or a plain "wrong type". */
    private String whatIsWrong(Throwable exception, Locale locale) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid && invalid.getOriginalMessage() != null) {
                String said = messages.getMessage(invalid.getOriginalMessage(), null, null, locale);
                if (said != null) {
                    return said;
                }
            }
        }
        return messages.getMessage("problem.wrongValue", null, locale);
    }

    /**
     * The JSON path of the value the parser could not take, e.g. {@code collections[0].amount}; {@code kind}
     * when the body names no known kind of request.
     */
    private static String unreadableField(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTypeIdException) {
                return "kind";
            }
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    /** A body of a type the endpoint does not read: 415 naming the type it does read. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusals.unsupportedMediaType(LocaleContextHolder.getLocale()));
    }

    /**
     * A path variable or parameter that is not what it should be: an id that names nothing is not found; any
     * other value is a 400 naming the parameter.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        if (exception instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.of(HttpStatus.NOT_FOUND, locale));
        }
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : exception.getPropertyName();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusals.invalid(List.of(Refusals.fieldError(name, refusals.typeMismatch(exception, locale))),
                        locale));
    }

    /** Every refusal a feature throws, answered by its kind alone: the one status rule of the API. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal, Locale locale) {
        ProblemDetail problem = refusals.problem(refusal, locale);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Method security inside an API controller: a 403 like the one the filter chain gives. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Locale locale) {
        return problem(HttpStatus.FORBIDDEN, locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, Locale locale) {
        if (outages.explains(exception)) {
            log.warn("The database cannot be reached: answered 503 ({})", exception.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, ReadinessGate.RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, locale));
        }
        log.error("Unexpected failure in the API", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, locale);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, locale));
    }
}
