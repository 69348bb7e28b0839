package com.bonusdesk.web;

import java.util.List;
import java.util.Map;

/**
 * The request conflicts with the current state (already decided, reference reused): 409 with a message,
 * and any properties that point at what it conflicts with (e.g. the id of the run already there).
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;
    private final Map<String, Object> properties;

    public ConflictException(String messageKey) {
        this(messageKey, List.of(), Map.of());
    }

    public ConflictException(String messageKey, List<Object> arguments, Map<String, Object> properties) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(arguments);
        this.properties = Map.copyOf(properties);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
