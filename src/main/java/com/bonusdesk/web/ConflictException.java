package com.bonusdesk.web;

/** The request conflicts with the current state (already decided, reference reused): 409 with a message. */
public class ConflictException extends RuntimeException {

    private final String messageKey;

    public ConflictException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
