package com.bonusdesk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a tester from outside sends: for every operation the API describes at {@code /v3/api-docs}, malformed
 * requests of every kind (a body of another type, broken JSON, control characters and broken surrogates in each
 * text, numbers beyond range or precision, impossible dates, values of the wrong shape, absurd ids and
 * parameters), as each demo account. None may be answered with a server error, and every refusal is problem
 * JSON. The application gets a database of its own, since a malformed request that is nevertheless valid may
 * save something.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.application.name=bonus-desk-malformed-requests")
class MalformedRequestsTest {

    private static final List<String> ACCOUNTS = List.of("sales1", "manager1", "director1", "hr1", "finance1",
            "admin1");
    /** An id no test creates: a malformed body must be refused before anything is looked up. */
    private static final String NO_SUCH_ID = "987654321";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    /** Thousands of signed-in requests: the demo passwords are hashed at the cheapest bcrypt cost here. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CheapPasswords {

        @Bean
        @Primary
        PasswordEncoder cheapPasswords() {
            return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static JsonNode description;

    @BeforeEach
    void readTheDescription() {
        if (description == null) {
            WebClient browser = new WebClient(port);
            browser.signIn("admin1", "demo1234");
            description = JSON.readTree(browser.get("/v3/api-docs").body());
        }
    }

    @Test
    void theDescriptionListsEveryOperationWithTheProblemsItCanGive() {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(27);
        for (Operation operation : operations) {
            JsonNode responses = operation.definition().path("responses");
            assertThat(responses.has("400")).as("400 of %s", operation).isTrue();
            assertThat(responses.has("401")).as("401 of %s", operation).isTrue();
            assertThat(responses.has("403")).as("403 of %s", operation).isTrue();
            if (operation.path().contains("{")) {
                assertThat(responses.has("404")).as("404 of %s", operation).isTrue();
            }
            if (operation.definition().has("requestBody")) {
                assertThat(responses.has("415")).as("415 of %s", operation).isTrue();
            }
            assertThat(responses.path("400").path("content").has("application/problem+json"))
                    .as("problem schema of %s", operation).isTrue();
        }
    }

    @Test
    void noMalformedRequestIsAnsweredWithAServerErrorOrWithoutProblemJson() {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations()) {
            probes.addAll(probes(operation));
        }
        List<String> failures = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        for (Probe probe : probes) {
            for (String account : ACCOUNTS) {
                sent.incrementAndGet();
                HttpResponse<String> response = send(probe, account);
                Optional<String> wrong = wrongAnswer(response);
                wrong.ifPresent(why -> failures.add(account + " " + probe + " -> " + response.statusCode() + " " + why
                        + ": " + abbreviated(response.body())));
            }
        }
        assertThat(sent.get()).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    /**
     * What no HTTP client library sends, written on the connection as it is: a session cookie that decodes to bytes
     * the database cannot hold, a multipart part whose name or file name holds a NUL, a header block over the
     * server's limit and a GET announcing a body it does not send. Each on a page, the sign-in, health and the API,
     * signed in or not: never a server error, and problem JSON on the API.
     */
    @Test
    void noMalformedConnectionIsAnsweredWithAServerErrorOrWithoutProblemJson() throws IOException {
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString(bytes("sales1:demo1234")) + "\r\n";
        List<String> failures = new ArrayList<>();
        for (String cookie : List.of("AAAA", "AA==", "%00", "////", "YQ", "\"AAAA\"", "A".repeat(4000),
                Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}), "ZmFrZQ==")) {
            for (String path : List.of("/", "/login", "/claims", "/actuator/health", "/api/v1/me")) {
                for (String credentials : List.of("", basic)) {
                    Raw answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + cookie
                            + "\r\n" + credentials + "Connection: close\r\n\r\n", null);
                    wrongAnswer(answer, path).ifPresent(why -> failures.add("cookie SESSION=" + abbreviated(cookie)
                            + " on " + path + (credentials.isEmpty() ? "" : " signed in") + " -> " + why));
                }
            }
        }
        for (String disposition : List.of("name=\"file\"; filename=\"a\u0000b.pdf\"", "name=\"a\u0000b\"",
                "name=\"file\"; filename=\"\u202ea.pdf\"", "name=\"file\"; filename*=UTF-8''a%00b.pdf")) {
            for (String path : List.of("/login", "/claims", "/referrals", "/disputes", "/admin/import/orders")) {
                byte[] body = bytes("--x\r\nContent-Disposition: form-data; " + disposition
                        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n");
                Raw answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + basic
                        + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n", body);
                wrongAnswer(answer, path).ifPresent(why -> failures.add("part " + abbreviated(disposition) + " on "
                        + path + " -> " + why));
            }
        }
        for (String path : List.of("/", "/api/v1/me", "/api/v1/claims")) {
            Raw oversized = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + basic + "X-Filler: "
                    + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", null);
            wrongAnswer(oversized, path).ifPresent(why -> failures.add("oversized header on " + path + " -> " + why));
            Raw missing = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + basic
                    + "Content-Length: 100\r\nConnection: close\r\n\r\n{}", null);
            for (String header : List.of("X-A: b\r\n".repeat(150), "Content-Length: abc\r\n",
                    "Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: -1\r\n", "Bad Header: y\r\n")) {
                Raw odd = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + basic + header
                        + "Connection: close\r\n\r\n", null);
                wrongAnswer(odd, path).ifPresent(why -> failures.add("header " + abbreviated(header) + " on " + path
                        + " -> " + why));
            }
            wrongAnswer(missing, path).ifPresent(why -> failures.add("announced body on " + path + " -> " + why));
            if (path.startsWith("/api/") && missing.status() != 400) {
                failures.add("announced body on " + path + " -> " + missing.status() + " instead of 400");
            }
        }
        for (String refused : List.of("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n",
                "GET /api/v1/me HTTP/9.9\r\nHost: localhost\r\n")) {
            Raw answer = raw(refused + basic + "Connection: close\r\n\r\n", null);
            assertThat(answer.status()).as(refused).isIn(501, 505);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).as("the client's to change, not told as a failure of ours")
                    .contains("The request could not be understood");
        }
        assertThat(failures).isEmpty();
    }

    /** An answer read from the connection: its status, content type and body. */
    record Raw(int status, String contentType, String body) {
    }

    /** Sends {@code head} and {@code body} on a connection of its own, half-closes it and reads the answer. */
    private Raw raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            String answer = read.toString(StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String headers = end < 0 ? answer : answer.substring(0, end);
            if (headers.length() < 12) {
                return new Raw(0, "", answer);
            }
            String type = headers.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring(13).strip()).findFirst().orElse("");
            String rest = end < 0 ? "" : answer.substring(end + 4);
            boolean chunked = headers.lines().anyMatch(line -> line.toLowerCase().startsWith("transfer-encoding:")
                    && line.toLowerCase().contains("chunked"));
            return new Raw(Integer.parseInt(headers.substring(9, 12)), type, chunked ? dechunked(rest) : rest);
        }
    }

    /** A chunked body's content; the tests' bodies are text, so lengths in characters match lengths in bytes. */
    private static String dechunked(String chunked) {
        StringBuilder content = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            content.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
        return content.toString();
    }

    private static Optional<String> wrongAnswer(Raw answer, String path) {
        if (answer.status() == 0) {
            return Optional.of("no answer");
        }
        if (answer.status() >= 500) {
            return Optional.of(answer.status() + " " + abbreviated(answer.body()));
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            return Optional.of(answer.status() + " an exception's name or stack trace");
        }
        if (path.startsWith("/api/") && answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return Optional.of(answer.status() + " not problem JSON but " + answer.contentType() + ": "
                        + abbreviated(answer.body()));
            }
            if (!JSON.readTree(answer.body()).path("status").isNumber()) {
                return Optional.of(answer.status() + " a problem without its status");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> wrongAnswer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return Optional.of("server error");
        }
        if (status < 400) {
            return Optional.empty();
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return Optional.of("not problem JSON but " + type);
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                return Optional.of("a problem without its status and title");
            }
            if (problem.toString().contains("Exception") || problem.toString().contains("\tat ")) {
                return Optional.of("an exception's name or stack trace");
            }
        } catch (RuntimeException e) {
            return Optional.of("unreadable problem JSON");
        }
        return Optional.empty();
    }

    /** One operation of the description: its method, path template and definition. */
    record Operation(String method, String path, JsonNode definition) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One request to send. */
    record Probe(String method, String path, String contentType, byte[] body, String what) {

        @Override
        public String toString() {
            return method + " " + path + " [" + what + "]";
        }
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }
        return operations;
    }

    private List<Probe> probes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<JsonNode> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.definition().path("parameters")) {
            if ("path".equals(parameter.path("in").asString())) {
                pathValues.put(parameter.path("name").asString(),
                        "file".equals(parameter.path("name").asString()) ? "sheet.csv" : NO_SUCH_ID);
            } else if ("query".equals(parameter.path("in").asString())) {
                queryParameters.add(parameter);
            }
        }
        String path = fill(operation.path(), pathValues);
        JsonNode bodySchema = operation.definition().path("requestBody").path("content").path("application/json")
                .path("schema");
        List<JsonNode> bodies = bodySchema.isMissingNode() ? List.of() : validBodies(bodySchema);
        byte[] someBody = bodies.isEmpty() ? null : bytes(bodies.get(0).toString());
        String someType = bodies.isEmpty() ? null : "application/json";

        for (String name : pathValues.keySet()) {
            for (String value : List.of("0", "-1", "01", "+1", "%EF%BC%91", "%D9%A1", "1.5", "0x1", "abc", "%00",
                    "%ff", "%01", "%20", "99999999999999999999999999", "-9223372036854775808")) {
                Map<String, String> odd = new LinkedHashMap<>(pathValues);
                odd.put(name, value);
                probes.add(new Probe(operation.method(), fill(operation.path(), odd), someType, someBody,
                        "path " + name + "=" + value));
            }
        }
        for (JsonNode parameter : queryParameters) {
            String name = parameter.path("name").asString();
            for (String value : List.of("%00", "%ff", "%01", "%C0%80", "-999999999-01-01", "%2B20266-01-01",
                    "2026-02-30", "99999999999999999999", "-2147483649", "%EF%BC%91", "abc", "", "a".repeat(5000))) {
                probes.add(new Probe(operation.method(), path + "?" + name + "=" + value, someType, someBody,
                        "query " + name + "=" + abbreviated(value)));
            }
        }
        probes.add(new Probe(operation.method(), path + "?%ff=1", someType, someBody, "query name %ff"));
        if (bodies.isEmpty()) {
            return probes;
        }
        for (String type : List.of("text/plain", "multipart/form-data; boundary=x", "multipart/form-data",
                "application/x-www-form-urlencoded", "application/xml", "*/*", "application/*", "text/*", "garbage",
                "application/json; charset=ISO-8859-1", "")) {
            probes.add(new Probe(operation.method(), path, type.isEmpty() ? null : type, someBody, "type " + type));
        }
        for (String text : List.of("", "{", "[]", "null", "\"x\"", "42", "{\"a\":", "{}}", "\u0000",
                "[".repeat(2000) + "]".repeat(2000), "{\"kind\":\"NO_SUCH_KIND\"}", "{\"kind\":null}")) {
            probes.add(new Probe(operation.method(), path, "application/json", bytes(text),
                    "json " + abbreviated(text)));
        }
        probes.add(new Probe(operation.method(), path, "application/json", new byte[] {(byte) 0xff, (byte) 0xfe, '{',
                '}'}, "bytes that are not UTF-8"));
        for (JsonNode body : bodies) {
            for (Map.Entry<String, JsonNode> mutation : mutations(body, schemaOf(bodySchema, body)).entrySet()) {
                probes.add(new Probe(operation.method(), path, "application/json", bytes(mutation.getValue().toString()),
                        mutation.getKey()));
            }
        }
        return probes;
    }

    private static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    /** A well-formed body per alternative of the schema (one per kind of a polymorphic body). */
    private static List<JsonNode> validBodies(JsonNode schema) {
        if (schema.has("oneOf")) {
            List<JsonNode> bodies = new ArrayList<>();
            for (JsonNode alternative : schema.path("oneOf")) {
                ObjectNode body = (ObjectNode) valueOf(alternative, 0);
                String name = alternative.path("$ref").asString().replaceAll(".*/", "").replace("Estimate", "");
                body.put("kind", name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
                bodies.add(body);
            }
            return bodies;
        }
        return List.of(valueOf(schema, 0));
    }

    private static JsonNode schemaOf(JsonNode bodySchema, JsonNode body) {
        if (!bodySchema.has("oneOf")) {
            return resolved(bodySchema);
        }
        for (JsonNode alternative : bodySchema.path("oneOf")) {
            String name = alternative.path("$ref").asString().replaceAll(".*/", "").replace("Estimate", "");
            if (name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase().equals(body.path("kind").asString())) {
                return resolved(alternative);
            }
        }
        throw new IllegalStateException("No schema for " + body);
    }

    private static JsonNode resolved(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = description.path("components").path("schemas")
                    .path(current.path("$ref").asString().replaceAll(".*/", ""));
        }
        if (current.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            for (JsonNode part : current.path("allOf")) {
                resolved(part).path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
            }
            current.path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
            merged.put("type", "object");
            return merged;
        }
        return current;
    }

    /** A plausible value of the schema's type. */
    private static JsonNode valueOf(JsonNode schema, int depth) {
        JsonNode resolved = resolved(schema);
        String type = resolved.path("type").asString();
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        if ("date".equals(resolved.path("format").asString())) {
            return NODES.stringNode("2026-06-15");
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("100.00"));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 3) {
                    array.add(valueOf(resolved.path("items"), depth + 1));
                }
                yield array;
            }
            case "string" -> NODES.stringNode("2026".equals(resolved.path("pattern").asString()) ? "2026" : "x");
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    resolved.path("properties").properties()
                            .forEach(property -> object.set(property.getKey(), valueOf(property.getValue(), depth + 1)));
                }
                yield object;
            }
        };
    }

    /** The body with one field at a time replaced by something it must not be. */
    private static Map<String, JsonNode> mutations(JsonNode body, JsonNode schema) {
        Map<String, JsonNode> mutations = new LinkedHashMap<>();
        mutate(body, schema, "", body, mutations);
        ObjectNode everyTextAtItsLongest = (ObjectNode) body.deepCopy();
        resolved(schema).path("properties").properties().forEach(property -> {
            JsonNode field = resolved(property.getValue());
            if ("string".equals(field.path("type").asString()) && !field.has("format") && !field.has("enum")) {
                everyTextAtItsLongest.put(property.getKey(), "长".repeat(field.path("maxLength").asInt(200)));
            }
        });
        mutations.put("every text at its longest", everyTextAtItsLongest);
        ObjectNode extra = (ObjectNode) body.deepCopy();
        extra.put("noSuchField", "\u0000");
        mutations.put("an unknown field", extra);
        return mutations;
    }

    private static void mutate(JsonNode root, JsonNode schema, String prefix, JsonNode node,
            Map<String, JsonNode> mutations) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        JsonNode properties = resolved(schema).path("properties");
        for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            JsonNode fieldSchema = resolved(properties.path(name));
            for (Map.Entry<String, JsonNode> odd : oddValues(fieldSchema).entrySet()) {
                ObjectNode copy = (ObjectNode) root.deepCopy();
                ObjectNode target = prefix.isEmpty() ? copy : (ObjectNode) copy.at(prefix);
                target.set(name, odd.getValue());
                mutations.put(prefix + "/" + name + " = " + odd.getKey(), copy);
            }
            JsonNode child = object.get(name);
            if (child instanceof ObjectNode) {
                mutate(root, fieldSchema, prefix + "/" + name, child, mutations);
            } else if (child instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode) {
                mutate(root, fieldSchema.path("items"), prefix + "/" + name + "/0", array.get(0), mutations);
            }
        }
    }

    private static Map<String, JsonNode> oddValues(JsonNode schema) {
        Map<String, JsonNode> odd = new LinkedHashMap<>();
        odd.put("null", NODES.nullNode());
        odd.put("array", NODES.arrayNode().add("x"));
        odd.put("object", NODES.objectNode().put("x", 1));
        odd.put("NUL", NODES.stringNode("a\u0000b"));
        odd.put("control character", NODES.stringNode("a\u0001b"));
        odd.put("lone surrogate", NODES.stringNode("a\ud800b"));
        odd.put("very long text", NODES.stringNode("x".repeat(100_000)));
        odd.put("impossible date", NODES.stringNode("2026-02-30"));
        odd.put("extreme date", NODES.stringNode("-999999999-01-01"));
        odd.put("six-digit year", NODES.stringNode("+20266-01-01"));
        odd.put("full-width digits", NODES.stringNode("２０２６-０１-０１"));
        odd.put("day count", NODES.numberNode(100));
        odd.put("huge number", NODES.numberNode(new java.math.BigDecimal("1e400")));
        odd.put("huge exponent", NODES.numberNode(new java.math.BigDecimal("1e999999999")));
        odd.put("negative huge number", NODES.numberNode(new java.math.BigDecimal("-1e400")));
        odd.put("long integer", NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
        odd.put("many decimals", NODES.numberNode(new java.math.BigDecimal("0.000000000000000000000000001")));
        odd.put("fraction", NODES.numberNode(new java.math.BigDecimal("1.5")));
        odd.put("negative", NODES.numberNode(-1));
        odd.put("number as text", NODES.stringNode("1e999999999"));
        odd.put("boolean", NODES.booleanNode(true));
        if (schema.has("enum")) {
            odd.put("unknown enum", NODES.stringNode("NO_SUCH_VALUE"));
        }
        return odd;
    }

    private HttpResponse<String> send(Probe probe, String account) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot send " + probe, e);
        }
        request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((account + ":demo1234").getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN");
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        request.method(probe.method(), probe.method().equals("GET") ? HttpRequest.BodyPublishers.noBody() : body);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + probe, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
