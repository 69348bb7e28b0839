package com.bonusdesk.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The door every request comes through, before security and before any controller: what no feature could
 * store or read is refused here, once, with a 400 naming the parameter (problem JSON for the API, the error
 * page otherwise). That is a query or form parameter that cannot be decoded or holds a control character; a
 * Content-Type that cannot be parsed, and an upload to the API, which reads JSON only, are a 415. A body
 * declared as {@code *}{@code /*} is read as the JSON it is. A read of the API (GET, HEAD, DELETE) that announces a
 * body is a 400, and its connection is closed: a body it does not send would otherwise be taken from the next
 * request on the connection, which then could not be read at all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestEntry extends OncePerRequestFilter {

    /** The request attribute that tells the error page which parameter was refused. */
    static final String REFUSED_PARAMETER = RequestEntry.class.getName() + ".parameter";

    private final Refusals refusals;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    RequestEntry(Refusals refusals, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.refusals = refusals;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isApi(request) && announcesBodyToARead(request)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            Locale locale = locales.resolveLocale(request);
            ProblemDetail problem = refusals.invalid(List.of(), locale);
            problem.setDetail(messages.getMessage("problem.readWithBody", null, locale));
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            Problems.send(response, problem, json);
            return;
        }
        Optional<MediaType> declared;
        try {
            declared = Optional.ofNullable(request.getContentType()).filter(type -> !type.isBlank())
                    .map(MediaType::parseMediaType);
        } catch (InvalidMediaTypeException e) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
            return;
        }
        boolean multipart = declared.filter(type -> "multipart".equalsIgnoreCase(type.getType())).isPresent();
        if (multipart && isApi(request)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
            return;
        }
        if (multipart && !partsReadable(request)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "");
            return;
        }
        Optional<String> refused = multipart ? refusedParameter(request.getQueryString()) : refusedParameter(request);
        if (refused.isPresent()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, refused.get());
            return;
        }
        if (declared.filter(MediaType::isWildcardType).isPresent()) {
            chain.doFilter(new DeclaredAs(request, MediaType.APPLICATION_JSON), response);
        } else if (declared.filter(MediaType::isWildcardSubtype).isPresent()) {
            chain.doFilter(new DeclaredAs(request, MediaType.APPLICATION_OCTET_STREAM), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The first parameter that cannot be read or kept, or a blank name when the parameters cannot be read at all. */
    static Optional<String> refusedParameter(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            return Optional.of("");
        }
        if (request.getAttribute("org.apache.catalina.parameter_parse_failed") != null) {
            return Optional.of("");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!Text.isStorable(parameter.getKey())) {
                return Optional.of("");
            }
            for (String value : parameter.getValue()) {
                if (!Text.isStorable(value)) {
                    return Optional.of(parameter.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the container can read a multipart request's parts at all: a file name holding a NUL makes every
     * later read of a parameter fail (the CSRF token's among them), so it is refused here, once.
     */
    private static boolean partsReadable(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (InvalidFileNameException e) {
            return false;
        }
    }

    /** The same check for a multipart request's query string, whose body parts are read by the feature. */
    private static Optional<String> refusedParameter(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                String decodedName = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (!Text.isStorable(decodedName) || !Text.isStorable(value) || decodedName.indexOf('\uFFFD') >= 0
                        || value.indexOf('\uFFFD') >= 0) {
                    return Optional.of(Text.isStorable(decodedName) ? decodedName : "");
                }
            } catch (IllegalArgumentException e) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String parameter)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        String message = parameter == null ? null : parameter.isEmpty()
                ? messages.getMessage("problem.unreadableParameters", null, locale)
                : messages.getMessage("problem.parameter", new Object[] {parameter}, locale);
        if (!isApi(request)) {
            request.setAttribute(REFUSED_PARAMETER, message);
            response.sendError(status.value());
            return;
        }
        ProblemDetail problem;
        if (status != HttpStatus.BAD_REQUEST) {
            problem = refusals.unsupportedMediaType(locale);
        } else if (parameter.isEmpty()) {
            problem = refusals.invalid(List.of(), locale);
            problem.setDetail(message);
        } else {
            problem = refusals.invalid(List.of(Refusals.fieldError(parameter, message)), locale);
        }
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        Problems.send(response, problem, json);
    }

    private static boolean announcesBodyToARead(HttpServletRequest request) {
        boolean read = switch (request.getMethod()) {
            case "GET", "HEAD", "DELETE" -> true;
            default -> false;
        };
        String coding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return read && (request.getContentLengthLong() > 0 || coding != null && !coding.isBlank());
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The request as if it had declared {@code type}: a wildcard is no type a body can be read as. */
    private static final class DeclaredAs extends HttpServletRequestWrapper {

        private final String type;

        DeclaredAs(HttpServletRequest request, MediaType type) {
            super(request);
            this.type = type.toString();
        }

        @Override
        public String getContentType() {
            return type;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? type : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? java.util.Collections.enumeration(List.of(type))
                    : super.getHeaders(name);
        }
    }
}
