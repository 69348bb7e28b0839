package com.bonusdesk.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer …} on the API: the request is the token's person with the token's roles, checked
 * by one lookup of the secret's hash, not by a password hash. An unknown, expired or revoked token is a 401; a
 * read-only token may read and nothing else (403).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ObjectProvider<BearerTokens> tokens;
    private final Problems problems;
    private final LocaleResolver locales;
    private final JsonMapper json;

    BearerTokenFilter(ObjectProvider<BearerTokens> tokens, Problems problems, LocaleResolver locales, JsonMapper json) {
        this.tokens = tokens;
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        Optional<BearerTokens.Grant> grant = Optional.ofNullable(tokens.getIfAvailable())
                .flatMap(found -> found.grant(secret));
        if (grant.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            refuse(request, response, HttpStatus.UNAUTHORIZED, "token.invalid");
            return;
        }
        if (grant.get().readOnly() && !isRead(request)) {
            refuse(request, response, HttpStatus.FORBIDDEN, "token.readOnly");
            return;
        }
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(new TokenAuthentication(grant.get()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        chain.doFilter(request, response);
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.of(status, locale);
        problem.setDetail(problems.message(detailKey, locale));
        Problems.send(response, problem, json);
    }
}
