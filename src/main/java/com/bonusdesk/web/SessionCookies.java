package com.bonusdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session cookie whose value is not a session id this application could have given is no session: it is hidden
 * from the session store before it is looked up. Otherwise a cookie that decodes to bytes the database refuses
 * (a NUL) would fail every request that carries it, health included, signed in or not.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class SessionCookies extends OncePerRequestFilter {

    static final String NAME = "SESSION";

    /** Spring Session's ids are random UUIDs; its cookie carries one in Base64. */
    private static final Pattern SESSION_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The error page is a request of its own to the session store, so the cookie is hidden from it too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || Arrays.stream(cookies).allMatch(SessionCookies::readable)) {
            chain.doFilter(request, response);
            return;
        }
        Cookie[] kept = Arrays.stream(cookies).filter(SessionCookies::readable).toArray(Cookie[]::new);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                return kept.clone();
            }
        }, response);
    }

    static boolean readable(Cookie cookie) {
        if (!NAME.equals(cookie.getName())) {
            return true;
        }
        String value = cookie.getValue();
        if (value == null || value.length() > 64) {
            return false;
        }
        try {
            return SESSION_ID.matcher(new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1))
                    .matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
