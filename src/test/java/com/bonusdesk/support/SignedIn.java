package com.bonusdesk.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A MockMvc request made by a real account, loaded the way sign-in loads it. */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor as(UserDetailsService accounts, String username) {
        return user(accounts.loadUserByUsername(username));
    }
}
