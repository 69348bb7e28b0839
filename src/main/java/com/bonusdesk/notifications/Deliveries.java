package com.bonusdesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Every instance delivers: each takes a few due messages under row locks the others
 * skip, sends them and records the outcome before it lets go, so a message is sent by one instance. A failure waits
 * longer after each attempt and, after the last, is given up on and shown to administrators; nothing is dropped.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class Deliveries {

    private static final int BATCH = 20;

    private final Outbox outbox;
    private final MailDelivery mail;
    private final WebhookDelivery webhooks;
    private final TeamWebhooks teams;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${bonusdesk.notifications.delivery-interval:PT10S}",
            initialDelayString = "${bonusdesk.notifications.delivery-interval:PT10S}")
    void deliverDue() {
        while (deliverBatch() == BATCH) {
            log.debug("More messages due; delivering the next batch");
        }
    }

    /** Delivers up to one batch of due messages; returns how many were tried. */
    int deliverBatch() {
        Integer tried = transactions.execute(status -> {
            List<OutgoingMessage> due = outbox.lockDue(clock.instant(), BATCH);
            due.forEach(this::deliver);
            return due.size();
        });
        return tried == null ? 0 : tried;
    }

    private void deliver(OutgoingMessage message) {
        try {
            if (OutgoingMessage.EMAIL.equals(message.channel())) {
                mail.send(message);
            } else {
                Optional<TeamWebhook> webhook = message.webhookId() == null ? Optional.empty()
                        : teams.find(message.webhookId());
                if (webhook.isEmpty()) {
                    outbox.failed(message.id(), "The team's robot was removed", null, clock.instant());
                    return;
                }
                webhooks.send(message, webhook.get().service());
            }
            outbox.sent(message.id(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(message, e);
        } catch (Exception e) {
            failed(message, e);
        }
    }

    private void failed(OutgoingMessage message, Exception e) {
        int attempt = message.attempts() + 1;
        Instant now = clock.instant();
        Instant retryAt = attempt >= properties.attempts() ? null : now.plus(properties.waitAfter(attempt));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("Message {} ({} to {}) failed on attempt {}{}: {}", message.id(), message.channel(),
                message.shownRecipient(), attempt, retryAt == null ? ", given up" : "", error);
        outbox.failed(message.id(), error.length() > 1000 ? error.substring(0, 1000) : error, retryAt, now);
    }
}
