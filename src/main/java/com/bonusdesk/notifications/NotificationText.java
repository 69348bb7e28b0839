package com.bonusdesk.notifications;

import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words notifications in a language: the bell's lines, and the mail and group posts that carry them. */
@Component("notificationText")
@RequiredArgsConstructor
public class NotificationText {

    private final MessageSource messages;
    private final NotificationProperties properties;

    /** The notification's sentence, in {@code locale}. */
    public String of(Notification notification, Locale locale) {
        return sentence(notification.messageKey(), notification.arguments(), locale);
    }

    String sentence(String key, List<String> arguments, Locale locale) {
        return messages.getMessage(key, arguments.toArray(), key, locale);
    }

    /** A mail telling one notification as it happens. */
    Mail mail(String key, List<String> arguments, String link, String displayName, Locale locale) {
        String sentence = sentence(key, arguments, locale);
        return new Mail(messages.getMessage("notification.mail.subject", new Object[] {sentence}, locale),
                messages.getMessage("notification.mail.body", new Object[] {displayName, sentence, absolute(link)},
                        locale));
    }

    /** The daily mail of what waits for a person, one line per queue. */
    Mail digest(List<Digests.Queue> queues, String displayName, Locale locale) {
        long total = queues.stream().mapToLong(Digests.Queue::waiting).sum();
        StringBuilder lines = new StringBuilder();
        for (Digests.Queue queue : queues) {
            lines.append("- ").append(messages.getMessage("notification.digest.line",
                    new Object[] {messages.getMessage("notification.queue." + queue.subjectType(), null,
                            queue.subjectType(), locale), queue.waiting(), absolute(queue.link())}, locale))
                    .append('\n');
        }
        return new Mail(messages.getMessage("notification.digest.subject", new Object[] {total}, locale),
                messages.getMessage("notification.digest.body", new Object[] {displayName, total, lines.toString(),
                        absolute("/notifications/settings")}, locale));
    }

    /** Where a link of the application is opened from outside it. */
    String absolute(String link) {
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl().substring(0,
                properties.baseUrl().length() - 1) : properties.baseUrl();
        return base + link;
    }

    /** A message's subject and plain-text body. */
    record Mail(String subject, String body) {
    }
}
