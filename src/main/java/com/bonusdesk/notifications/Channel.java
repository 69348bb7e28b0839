package com.bonusdesk.notifications;

/** How a notification reaches a person. */
public enum Channel {
    /** The bell and the notifications page. */
    IN_APP,
    /** Mail, once mail is set up and the person has an address. */
    EMAIL
}
