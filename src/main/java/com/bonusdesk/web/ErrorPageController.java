package com.bonusdesk.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container forwards here (denied, not found, failed) becomes a friendly page, or problem
 * JSON when the request was for the API. Neither ever names an exception or shows a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final Problems problems;

    ErrorPageController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        HttpStatusCode status = status(request);
        if (isApi(request)) {
            ProblemDetail problem = problems.of(status, locale);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String path) {
                problem.setInstance(java.net.URI.create(path));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("web/error", status);
        page.addObject("status", status.value());
        page.addObject("title", problems.title(status, locale));
        Object refusedParameter = request.getAttribute(RequestEntry.REFUSED_PARAMETER);
        page.addObject("detail", refusedParameter instanceof String said ? said : problems.detail(status, locale));
        return page;
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value < 600) {
            return HttpStatusCode.valueOf(value);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : request.getRequestURI();
        return path.startsWith(request.getContextPath() + "/api/");
    }
}
