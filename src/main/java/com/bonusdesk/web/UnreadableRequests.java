package com.bonusdesk.web;

import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form upload that cannot be read (no boundary, a cut-off body) fails before any controller is chosen, so it
 * is answered here, for every page: 413 when it is too large, 400 otherwise. The API takes no uploads: the
 * request entry answers those with 415 before they are read.
 */
@ControllerAdvice
@Order(2)
class UnreadableRequests {

    private final Problems problems;

    UnreadableRequests(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException exception, Locale locale) {
        HttpStatus status = exception instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        ModelAndView page = new ModelAndView("web/error", status);
        page.addObject("status", status.value());
        page.addObject("title", problems.title(status, locale));
        page.addObject("detail", problems.detail(status, locale));
        return page;
    }
}
