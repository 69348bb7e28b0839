package com.bonusdesk.notifications;

import java.time.Instant;

/**
 * A message leaving the application, as the outbox holds it.
 *
 * @param channel {@code EMAIL} or {@code WEBHOOK}
 * @param recipient the mail address, or the robot's URL (never shown: see {@link #shownRecipient()})
 */
public record OutgoingMessage(long id, String channel, String recipient, Long personId, Long webhookId,
        NotificationKind kind, String subject, String body, Instant createdAt, Instant nextAttemptAt, int attempts,
        String lastError, Instant sentAt, Instant gaveUpAt) {

    public static final String EMAIL = "EMAIL";

    public static final String WEBHOOK = "WEBHOOK";

    /** Where it goes, as an administrator may see it: a robot's URL keeps its secret key hidden. */
    public String shownRecipient() {
        return WEBHOOK.equals(channel) ? TeamWebhook.masked(recipient) : recipient;
    }

    /** {@code SENT}, {@code GAVE_UP} or {@code WAITING}. */
    public String state() {
        return sentAt != null ? "SENT" : gaveUpAt != null ? "GAVE_UP" : "WAITING";
    }
}
