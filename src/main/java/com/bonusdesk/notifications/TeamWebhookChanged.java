package com.bonusdesk.notifications;

/** Published whenever an administrator sets or removes a team's group robot, inside that transaction. */
public record TeamWebhookChanged(String actor, long webhookId, long managerId, String service, String shownUrl,
        String change) {
}
