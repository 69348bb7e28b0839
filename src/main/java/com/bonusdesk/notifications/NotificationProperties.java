package com.bonusdesk.notifications;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications, under {@code bonusdesk.notifications.*}. Mail itself is Spring Boot's
 * {@code spring.mail.*}: with no {@code spring.mail.host} nothing is mailed.
 *
 * @param baseUrl where people open the application, for the links in mail and group posts
 * @param mailFrom the sender of every mail
 * @param digestCron when the daily digest of waiting items is sent (company time zone)
 * @param deliveryInterval how often each instance looks for messages due
 * @param attempts how many times a message is tried before it is given up on (and shown to administrators)
 * @param firstRetry the wait after the first failure; each further failure doubles it, up to six hours
 * @param webhookTestHosts hosts besides WeCom's and DingTalk's a robot URL may name, over plain HTTP too: only for a
 *        stand-in server in tests or a proxy inside the company
 */
@ConfigurationProperties("bonusdesk.notifications")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("bonus-desk@localhost") String mailFrom,
        @DefaultValue("0 30 8 * * *") String digestCron,
        @DefaultValue("PT10S") Duration deliveryInterval,
        @DefaultValue("8") int attempts,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue List<String> webhookTestHosts) {

    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** How long to wait after the {@code attempt}th failure. */
    Duration waitAfter(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
