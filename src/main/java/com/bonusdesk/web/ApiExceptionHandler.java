package com.bonusdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;

/**
 * Problem JSON for everything the API's controllers throw: Spring MVC's own exceptions get their RFC 9457
 * form from the base class, in the reader's language; anything unexpected is logged and answered with a
 * plain 500 that reveals nothing.
 */
@Slf4j
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Problems problems;
    private final MessageSource messages;

    ApiExceptionHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    /** Each invalid field with what is wrong with it, in the reader's language. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), messages.getMessage(error, locale)))
                .toList();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalid(errors, locale));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException exception, Locale locale) {
        List<Map<String, String>> errors = exception.problems().stream()
                .map(problem -> fieldError(problem.field(), messages.getMessage(problem.key(), null, problem.key(), locale)))
                .toList();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalid(errors, locale));
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
            problem.setProperty("errors", List.of(fieldError(field,
                    messages.getMessage("problem.wrongValue", null, locale))));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail invalid(List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, locale);
        problem.setDetail(messages.getMessage("problem.invalidFields", new Object[] {errors.size()}, locale));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
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

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, locale);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException exception, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, locale);
        problem.setDetail(messages.getMessage(exception.messageKey(), exception.arguments().toArray(), locale));
        exception.properties().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException exception, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.FORBIDDEN, locale);
        problem.setDetail(messages.getMessage(exception.messageKey(), null, locale));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NotEligibleException.class)
    ResponseEntity<ProblemDetail> notEligible(NotEligibleException exception, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale);
        problem.setProperty("reasons", exception.reasons());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Method security inside an API controller: a 403 like the one the filter chain gives. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Locale locale) {
        return problem(HttpStatus.FORBIDDEN, locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, Locale locale) {
        log.error("Unexpected failure in the API", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, locale);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, locale));
    }
}
