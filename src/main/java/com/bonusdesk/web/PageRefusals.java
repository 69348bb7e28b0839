package com.bonusdesk.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.refusal.Refusal;

/**
 * A refusal on a page says what the API would say, in the same words. A form that was refused (400, 403, 409,
 * 422) sends the person back to the page they posted it from with the message on top, nothing changed; a page
 * that cannot be shown is the error page with the refusal's status and words, and not found (404) is always
 * that page. Controllers never catch refusals themselves.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(1)
class PageRefusals {

    private final Refusals refusals;
    private final Problems problems;

    PageRefusals(Refusals refusals, Problems problems) {
        this.refusals = refusals;
        this.problems = problems;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        HttpStatus status = Refusals.status(refusal);
        String back = back(request);
        boolean goesBack = !(refusal instanceof Refusal.NotFound) && (HttpMethod.POST.matches(request.getMethod())
                || !(refusal instanceof Refusal.NotPermitted) && !back.equals(current(request)));
        if (goesBack) {
            Refusals.Words words = Refusals.words(refusal);
            redirect.addFlashAttribute("failure", words.key());
            if (!words.arguments().isEmpty()) {
                redirect.addFlashAttribute("failureArgs", words.arguments());
            }
            return new ModelAndView("redirect:" + back);
        }
        return errorPage(status, refusal instanceof Refusal.NotFound ? problems.detail(status, locale)
                : refusals.message(refusal, locale), locale);
    }

    /** A value in the URL that is not what it should be: an id names nothing (404); anything else is a 400. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatched(MethodArgumentTypeMismatchException mismatch, Locale locale) {
        boolean inPath = mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
        HttpStatus status = inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return errorPage(status, inPath ? problems.detail(status, locale) : mismatch.getName() + ": "
                + refusals.typeMismatch(mismatch, locale), locale);
    }

    private ModelAndView errorPage(HttpStatus status, String detail, Locale locale) {
        ModelAndView page = new ModelAndView("web/error", status);
        page.addObject("status", status.value());
        page.addObject("title", problems.title(status, locale));
        page.addObject("detail", detail);
        return page;
    }

    /**
     * The page the form was on, when the browser says so and it is one of ours; otherwise the thing the form
     * acted on ({@code /claims/7} for {@code /claims/7/decision}), or the page that posts to itself
     * ({@code /payouts}).
     */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                boolean ours = from.getHost() == null || from.getHost().equalsIgnoreCase(request.getServerName());
                if (ours && from.getRawPath() != null && from.getRawPath().startsWith("/")) {
                    return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // an unreadable Referer is no address to go back to
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int last = path.lastIndexOf('/');
        int previous = last > 0 ? path.lastIndexOf('/', last - 1) : -1;
        boolean actionOnAThing = previous >= 0 && path.substring(previous + 1, last).chars().allMatch(Character::isDigit)
                && last - previous > 1;
        return actionOnAThing ? path.substring(0, last) : path.isEmpty() ? "/" : path;
    }

    private static String current(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}
