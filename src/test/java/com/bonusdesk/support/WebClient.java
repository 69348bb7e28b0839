package com.bonusdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client with cookies, for what MockMvc cannot show: the servlet container's error dispatch
 * to the error pages, and a real sign-in with its CSRF token.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private String language = "en";

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public WebClient inLanguage(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> get(String path, String username, String password) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Authorization", "Basic " + credentials).GET().build());
    }

    /** Signs in through the login form, as a browser would. */
    public HttpResponse<String> signIn(String username, String password) {
        return postForm("/login", "username", username, "password", password);
    }

    /** Posts a form with the CSRF token read from the page the form is on. */
    public HttpResponse<String> postForm(String path, String... namesAndValues) {
        String token = csrfToken(path.equals("/login") ? "/login" : "/");
        StringBuilder body = new StringBuilder("_csrf=").append(encode(token));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Uploads {@code content} as the form's {@code file}, with the CSRF token of the page the form is on. */
    public HttpResponse<String> upload(String path, String page, byte[] content) {
        String boundary = "----bonusdesk" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken(page)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** Posts a form as multipart/form-data, as a form that can upload a file does, with the CSRF token of its page. */
    public HttpResponse<String> postMultipart(String path, String page, String... namesAndValues) {
        String boundary = "----bonusdesk" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of("_csrf", csrfToken(page)));
        fields.addAll(java.util.List.of(namesAndValues));
        for (int i = 0; i < fields.size(); i += 2) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(fields.get(i)).append("\"\r\n\r\n").append(fields.get(i + 1)).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build());
    }

    private String csrfToken(String page) {
        Matcher matcher = CSRF.matcher(get(page).body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on " + page);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
