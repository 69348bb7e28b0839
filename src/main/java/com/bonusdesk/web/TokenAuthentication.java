package com.bonusdesk.web;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

/** A request authenticated by a personal API token rather than by the person's password. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserDetails person;
    private final long tokenId;

    TokenAuthentication(BearerTokens.Grant grant) {
        super(grant.person().getAuthorities());
        this.person = grant.person();
        this.tokenId = grant.tokenId();
        setAuthenticated(true);
    }

    /** Whether {@code authentication} came from a token: some things only the person may do themselves. */
    public static boolean isToken(Authentication authentication) {
        return authentication instanceof TokenAuthentication;
    }

    public long getTokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return person;
    }
}
