package com.bonusdesk.web;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Machine credentials for the API: a bearer token stands for a person. The feature that issues tokens finds them;
 * the web layer only reads the header and enforces what the token allows.
 */
public interface BearerTokens {

    /** Who {@code secret} stands for and what it allows; empty when it is unknown, expired or revoked. */
    Optional<Grant> grant(String secret);

    /**
     * @param person the person, with only the roles the token may use
     * @param tokenId the token, for the audit and for refusing what only a person may do
     * @param readOnly whether the token may only read
     */
    record Grant(UserDetails person, long tokenId, boolean readOnly) {
    }
}
