package com.bonusdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapping from an HTTP status to what a person is told about it, as an RFC 9457 problem for the API
 * and as the title and text of the error page. Messages are in the reader's language.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatusCode status, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, locale));
        problem.setTitle(title(status, locale));
        return problem;
    }

    public String title(HttpStatusCode status, Locale locale) {
        return messages.getMessage("error." + known(status) + ".title", null, locale);
    }

    public String detail(HttpStatusCode status, Locale locale) {
        return messages.getMessage("error." + known(status) + ".detail", null, locale);
    }

    /** Any message in the reader's language, for a problem's detail. */
    public String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /**
     * Writes {@code problem} as the whole answer, for the filters that refuse a request before any controller sees
     * it (and so before the exception handlers could write it).
     */
    public static void send(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /**
     * As {@link #send}, but a request that is not the API's (a page, where no error page can be rendered yet) is
     * told in plain text: the problem's title and detail.
     */
    static void sendAsApiOrText(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            JsonMapper json) throws IOException {
        if (RequestEntry.isApi(request)) {
            send(response, problem, json);
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.getTitle() + "\n\n" + problem.getDetail());
    }

    /** Statuses with their own wording; any other is described by its family. */
    public static int known(HttpStatusCode status) {
        int code = status.value();
        return switch (code) {
            case 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503 -> code;
            // a transfer coding or HTTP version this server does not speak is the client's to change, not a failure
            case 501, 505 -> HttpStatus.BAD_REQUEST.value();
            default -> status.is4xxClientError() ? HttpStatus.BAD_REQUEST.value() : HttpStatus.INTERNAL_SERVER_ERROR.value();
        };
    }
}
