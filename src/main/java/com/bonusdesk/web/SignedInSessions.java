package com.bonusdesk.web;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of signed-in people. Ending a person's sessions makes their next click land on the
 * sign-in page: used when they are deactivated or their roles change, so that nobody keeps rights they lost.
 */
@Component
public class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Marks every session of the person expired, on every instance: the sessions are in the database. */
    public void endSessionsOf(String username) {
        registry.getAllSessions(username, false).forEach(SessionInformation::expireNow);
    }
}
