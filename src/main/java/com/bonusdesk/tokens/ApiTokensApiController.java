package com.bonusdesk.tokens;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.TokenAuthentication;

/**
 * The caller's own API tokens. Managing them needs the person's own sign-in (password or session): a token
 * cannot make, list or revoke tokens.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
@RequiredArgsConstructor
class ApiTokensApiController {

    /** The scope that lets a token only read; the others are role names. */
    static final String READ_ONLY = "READ_ONLY";

    private final ApiTokens tokens;

    /** 201 with the secret, shown this once. */
    @PostMapping
    ResponseEntity<IssuedView> issue(@RequestBody TokenRequest request, @AuthenticationPrincipal PersonPrincipal me,
            Authentication authentication) {
        requirePerson(authentication);
        Scope scope = Scope.parse(request.scope());
        ApiTokens.Issued issued = tokens.issue(me, new ApiTokens.Request(request.name(), request.expiresOn(),
                scope.readOnly(), scope.roles()));
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.id())).body(new IssuedView(issued.id(),
                issued.name(), issued.secret(), issued.expiresOn(), Scope.words(issued.readOnly(), issued.roles())));
    }

    @GetMapping
    List<ListedView> list(@AuthenticationPrincipal PersonPrincipal me, Authentication authentication) {
        requirePerson(authentication);
        return tokens.of(me).stream().map(token -> new ListedView(token.id(), token.name(), token.expiresOn(),
                Scope.words(token.readOnly(), token.roles()), token.createdAt(), token.lastUsedAt(), token.revokedAt(),
                token.status())).toList();
    }

    /** 204; the token is refused everywhere from now on. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me,
            Authentication authentication) {
        requirePerson(authentication);
        tokens.revoke(me, id);
        return ResponseEntity.noContent().build();
    }

    private static void requirePerson(Authentication authentication) {
        if (TokenAuthentication.isToken(authentication)) {
            throw new Refusal.NotPermitted("token.byToken");
        }
    }

    /** {@code READ_ONLY} and role names; no role named means all of the person's roles. */
    record Scope(boolean readOnly, Set<Role> roles) {

        static Scope parse(List<String> words) {
            boolean readOnly = false;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String word : words == null ? List.<String>of() : words) {
                if (READ_ONLY.equals(word)) {
                    readOnly = true;
                    continue;
                }
                try {
                    roles.add(Role.valueOf(word));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new Refusal.InvalidInput("scope", "token.scope.unknown", String.valueOf(word));
                }
            }
            return new Scope(readOnly, roles);
        }

        static List<String> words(boolean readOnly, Set<Role> roles) {
            List<String> words = new ArrayList<>();
            if (readOnly) {
                words.add(READ_ONLY);
            }
            roles.stream().map(Role::name).sorted().forEach(words::add);
            return words;
        }
    }

    record TokenRequest(String name, LocalDate expiresOn, List<String> scope) {
    }

    record IssuedView(long id, String name, String token, LocalDate expiresOn, List<String> scope) {
    }

    record ListedView(long id, String name, LocalDate expiresOn, List<String> scope, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt, ApiTokenStatus status) {
    }
}
