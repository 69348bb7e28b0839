package com.bonusdesk.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat refuses a few requests before the application sees them: a path with an encoded NUL ({@code %00}) or
 * bytes that are not UTF-8 ({@code %ff}). Its own report is an English HTML page; this one answers problem JSON
 * on the API and a plain page elsewhere, in the reader's language, with the words of the application's error
 * pages. Every other error reaches the application's error page as before.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(Report.class.getName());
                // Spring Boot adds Tomcat's plain report valve itself; ours replaces it rather than sits beside it
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve.getClass() == ErrorReportValve.class) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                    }
                });
            }
        });
    }

    /** Tomcat's error report, in the application's words. */
    public static class Report extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            Locale locale = chinese(request) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            String code = String.valueOf(Problems.known(org.springframework.http.HttpStatusCode.valueOf(status)));
            String title = words("error." + code + ".title", locale);
            String detail = words("error." + code + ".detail", locale);
            boolean api = request.getCoyoteRequest().requestURI().toString().startsWith("/api/");
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                if (api) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                            + ",\"detail\":\"" + json(detail) + "\"}");
                } else {
                    writer.write("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                            + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>"
                            + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
                            + "</p><p><a href=\"/\">Bonus Desk</a></p></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was taken over meanwhile: nothing more to tell it
            }
        }

        private static boolean chinese(Request request) {
            String accepted = request.getCoyoteRequest().getHeader("Accept-Language");
            return accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("zh");
        }

        private static String words(String key, Locale locale) {
            try {
                return ResourceBundle.getBundle("messages", locale).getString(key).replace("''", "'");
            } catch (MissingResourceException e) {
                return key;
            }
        }

        private static String json(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
