package com.bonusdesk.notifications;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import com.bonusdesk.people.PersonPrincipal;

/** The header's bell: how many notifications the signed-in person has not read. */
@Component("notificationBell")
@RequiredArgsConstructor
public class NotificationBell {

    private final Notifications notifications;

    /** Unread notifications of {@code principal}; none for a visitor who is not signed in. */
    public long unreadFor(Object principal) {
        return principal instanceof PersonPrincipal person ? notifications.unread(person.getId()) : 0;
    }
}
