package com.bonusdesk.notifications;

import java.time.Instant;
import java.util.List;

/** One thing a person was told in the app: a message key and its arguments, worded in the reader's language. */
public record Notification(long id, NotificationKind kind, String messageKey, List<String> arguments, String link,
        Instant createdAt, Instant readAt) {

    public Notification {
        arguments = List.copyOf(arguments);
    }

    public boolean read() {
        return readAt != null;
    }
}
