package com.bonusdesk.notifications;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Mail through the configured SMTP server; with none configured ({@code spring.mail.host}), mail is off. */
@Component
@RequiredArgsConstructor
class MailDelivery {

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;

    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    void send(OutgoingMessage message) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("Mail is not set up: spring.mail.host is empty");
        }
        SimpleMailMessage letter = new SimpleMailMessage();
        letter.setFrom(properties.mailFrom());
        letter.setTo(message.recipient());
        letter.setSubject(message.subject());
        letter.setText(message.body());
        mail.send(letter);
    }
}
