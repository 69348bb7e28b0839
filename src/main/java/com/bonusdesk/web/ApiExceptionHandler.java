package com.bonusdesk.web;

import java.util.Locale;

import lombok.extern.slf4j.Slf4j;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem JSON for everything the API's controllers throw: Spring MVC's own exceptions get their RFC 9457
 * form from the base class, in the reader's language; anything unexpected is logged and answered with a
 * plain 500 that reveals nothing.
 */
@Slf4j
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, locale);
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
