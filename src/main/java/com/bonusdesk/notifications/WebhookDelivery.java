package com.bonusdesk.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts to a group robot. WeCom and DingTalk both take a markdown message and answer {@code errcode} 0 when they
 * posted it; any other answer is a failure to retry.
 */
@Component
class WebhookDelivery {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    void send(OutgoingMessage message, TeamWebhook.Service service) throws IOException, InterruptedException {
        Map<String, Object> markdown = service == TeamWebhook.Service.DINGTALK
                ? Map.of("title", message.subject(), "text", message.body())
                : Map.of("content", "**" + message.subject() + "**\n" + message.body());
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.recipient())).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("msgtype", "markdown", "markdown", markdown)), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("The robot answered HTTP " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        if (answer.path("errcode").asInt(-1) != 0) {
            throw new IOException("The robot refused: " + answer.path("errmsg").asString(response.body()));
        }
    }
}
