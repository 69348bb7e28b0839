package com.bonusdesk.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.web.Problems;

/**
 * Stops a sign-in the throttle says must wait, before any password is checked: a form sign-in goes back to the
 * sign-in page saying how long to wait; an API call with HTTP Basic is a 429 problem with {@code Retry-After}, in the
 * reader's language.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final SignInThrottle throttle;
    private final Problems problems;
    private final LocaleResolver locales;
    private final JsonMapper json;

    SignInThrottleFilter(SignInThrottle throttle, Problems problems, LocaleResolver locales, JsonMapper json) {
        this.throttle = throttle;
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    /** The filter, just before Spring Security's filters, which check the password. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInThrottle throttle, Problems problems,
                LocaleResolver locales, JsonMapper json) {
            FilterRegistrationBean<SignInThrottleFilter> registration =
                    new FilterRegistrationBean<>(new SignInThrottleFilter(throttle, problems, locales, json));
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean formSignIn = "POST".equals(request.getMethod()) && "/login".equals(path);
        Optional<String> username = formSignIn ? Optional.ofNullable(request.getParameter("username"))
                : basicUsername(request);
        Optional<Duration> wait = username.flatMap(name -> throttle.retryAfter(name, request.getRemoteAddr()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
        if (formSignIn) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, locale);
        problem.setDetail(problems.message("login.throttled", locale, seconds));
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        Problems.send(response, problem, json);
    }

    private static Optional<String> basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
