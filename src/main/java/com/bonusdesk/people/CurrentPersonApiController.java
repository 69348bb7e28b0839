package com.bonusdesk.people;

import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an API client check whose credentials it holds and what they may do. */
@RestController
class CurrentPersonApiController {

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal PersonPrincipal principal) {
        return new Me(principal.getUsername(), principal.getDisplayName(), principal.getRoles());
    }

    record Me(String username, String displayName, Set<Role> roles) {
    }
}
