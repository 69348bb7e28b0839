package com.bonusdesk.web;

/** The caller may not do this, for a reason worth saying (you built this run): 403 with a message. */
public class ForbiddenException extends RuntimeException {

    private final String messageKey;

    public ForbiddenException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
