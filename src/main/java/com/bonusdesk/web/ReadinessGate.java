package com.bonusdesk.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Until the application is ready (its database migrated and its start-up work, demo accounts included, done), every
 * request but the health probes is answered 503 with a {@code Retry-After}, in the reader's language: a first sign-in
 * right after start-up is told to wait, never that its password is wrong.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadinessGate extends OncePerRequestFilter {

    /** How many seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ApplicationAvailability availability;
    private final Problems problems;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ReadinessGate(ApplicationAvailability availability, Problems problems, LocaleResolver locales, JsonMapper json) {
        this.availability = availability;
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.of(HttpStatus.SERVICE_UNAVAILABLE, locale);
        problem.setDetail(problems.message("error.starting", locale));
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Problems.sendAsApiOrText(request, response, problem, json);
    }
}
