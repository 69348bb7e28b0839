package com.bonusdesk.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id and the signed-in user into every log line of a request (the MDC, which structured logging
 * writes out), and answers with the request id: the one the proxy sent in {@code X-Request-Id}, or a new one.
 * Registered after Spring Security, so that the user is known.
 */
public class RequestContext extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    /** A request id a proxy may send: short, and nothing a log line could be forged with. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        MDC.put("requestId", id);
        if (signedIn != null && signedIn.isAuthenticated()) {
            MDC.put("user", signedIn.getName());
        }
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("user");
        }
    }
}
