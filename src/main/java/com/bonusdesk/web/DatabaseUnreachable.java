package com.bonusdesk.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database cannot be reached (restarting, failing over), every request that needs it is answered 503
 * with a {@code Retry-After}, in the reader's language, instead of an unexpected error: nothing was saved, and
 * trying again shortly will work. Whatever was acknowledged before is in the database, which is where it stays.
 */
@Slf4j
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnreachable extends OncePerRequestFilter {

    /** SQLSTATE class of a connection that failed or could not be made. */
    private static final String CONNECTION_EXCEPTION = "08";

    /** The server shutting down, crashed, or starting up: its connections end, new ones wait. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private static final int VALIDATION_SECONDS = 2;

    private final Problems problems;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final DataSource dataSource;

    DatabaseUnreachable(Problems problems, LocaleResolver locales, JsonMapper json, DataSource dataSource) {
        this.problems = problems;
        this.locales = locales;
        this.json = json;
        this.dataSource = dataSource;
    }

    /**
     * Whether {@code failure} comes from the database being out of reach, rather than from what was asked: it says
     * so, or the database cannot be reached now (a connection that broke mid-request can end in a failure that
     * names only its own rollback).
     */
    boolean explains(Throwable failure) {
        return saysUnreachable(failure) || !reachable();
    }

    private static boolean saysUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLException sql
                    && sql.getSQLState() != null && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
                    || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted() || !explains(failure)) {
                throw failure;
            }
            log.warn("The database cannot be reached: {} {} answered 503", request.getMethod(), request.getRequestURI());
            answer(request, response);
        }
    }

    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, ReadinessGate.RETRY_AFTER_SECONDS);
        Problems.sendAsApiOrText(request, response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, locale), json);
    }
}
