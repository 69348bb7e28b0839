package com.bonusdesk.people;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells the throttle of sign-ins: a wrong password counts, by form or by HTTP Basic; a sign-in on the form clears
 * the username's failures. An API call's right password clears nothing (that would be a write per call): its
 * failures age out of the window.
 */
@Component
@RequiredArgsConstructor
class SignInOutcomes {

    private final SignInThrottle throttle;

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(String.valueOf(event.getAuthentication().getPrincipal()), address(event.getAuthentication()));
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
