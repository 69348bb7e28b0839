package com.bonusdesk.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.people.PersonChanged;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.BearerTokens;

/**
 * Issuing, listing and revoking personal API tokens, and finding the person behind a presented secret. The
 * secret is shown once, when it is made; what is kept is its SHA-256, so a stolen table opens nothing. Revoking
 * is a row update that every instance sees at the next call: nothing is cached.
 */
@Service
@RequiredArgsConstructor
public class ApiTokens implements BearerTokens {

    /** Marks our tokens, so that secret scanners and people recognise one that leaked. */
    static final String PREFIX = "bdk_";
    static final int MAX_NAME = 100;
    static final Period LONGEST = Period.ofYears(1);
    private static final int SECRET_BYTES = 32;
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final PersonService people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** What a request asks for: a name, the last day, read-only or not, and the roles (none: all of the person's). */
    public record Request(String name, LocalDate expiresOn, boolean readOnly, Set<Role> roles) {
    }

    /** A token just made, with the secret its owner sees this once. */
    public record Issued(long id, String name, String secret, LocalDate expiresOn, boolean readOnly, Set<Role> roles) {
    }

    /** A token as its owner lists it: never the secret. */
    public record Listed(long id, String name, LocalDate expiresOn, boolean readOnly, Set<Role> roles, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt, ApiTokenStatus status) {
    }

    @Transactional
    public Issued issue(PersonPrincipal owner, Request request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new Refusal.InvalidInput("name", "token.name.required", MAX_NAME);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate latest = today.plus(LONGEST);
        if (request.expiresOn() == null || !request.expiresOn().isAfter(today) || request.expiresOn().isAfter(latest)) {
            throw new Refusal.InvalidInput("expiresOn", "token.expiresOn.range", today.plusDays(1).toString(),
                    latest.toString());
        }
        Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? owner.getRoles() : request.roles();
        for (Role role : roles) {
            if (!owner.hasRole(role)) {
                throw new Refusal.InvalidInput("scope", "token.scope.notYours", role.name());
            }
        }
        if (tokens.existsByPersonIdAndNameAndRevokedAtIsNull(owner.getId(), name)) {
            throw new Refusal.InvalidInput("name", "token.name.taken", name);
        }
        String secret = newSecret();
        ApiToken token = tokens.saveAndFlush(new ApiToken(owner.getId(), name, hash(secret), request.readOnly(),
                EnumSet.copyOf(roles), request.expiresOn(), owner.getUsername(), clock.instant()));
        events.publishEvent(new ApiTokenChanged(owner.getUsername(), token.getId(), label(owner.getUsername(), token),
                ApiTokenChanged.Change.CREATED, describe(token), null));
        return new Issued(token.getId(), token.getName(), secret, token.getExpiresOn(), token.isReadOnly(),
                token.roleSet());
    }

    @Transactional(readOnly = true)
    public List<Listed> of(PersonPrincipal owner) {
        LocalDate today = LocalDate.now(clock);
        return tokens.findByPersonIdOrderByCreatedAtDescIdDesc(owner.getId()).stream()
                .map(token -> new Listed(token.getId(), token.getName(), token.getExpiresOn(), token.isReadOnly(),
                        token.roleSet(), token.getCreatedAt(), token.getLastUsedAt(), token.getRevokedAt(),
                        token.status(today)))
                .toList();
    }

    /** Revokes one of the owner's tokens at once; revoking a revoked token changes nothing. Another's is not found. */
    @Transactional
    public void revoke(PersonPrincipal owner, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(found -> found.getPersonId() == owner.getId())
                .orElseThrow(Refusal.NotFound::new);
        if (!token.isRevoked()) {
            revoke(token, owner.getUsername(), owner.getUsername(), null);
        }
    }

    /** A person deactivated loses their tokens with their sessions. */
    @EventListener
    void on(PersonChanged event) {
        if (event.change() == PersonChanged.Change.DEACTIVATED) {
            tokens.findByPersonIdAndRevokedAtIsNull(event.personId())
                    .forEach(token -> revoke(token, event.actor(), event.username(), "person deactivated"));
        }
    }

    @Override
    @Transactional
    public Optional<Grant> grant(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return tokens.findBySecretHash(hash(secret))
                .filter(token -> !token.isRevoked() && !token.isExpired(today))
                .flatMap(token -> people.activePrincipal(token.getPersonId()).map(person -> {
                    Instant now = clock.instant();
                    tokens.touch(token.getId(), now, now.minus(USE_RECORDED_EVERY));
                    return new Grant(person.within(token.roleSet()), token.getId(), token.isReadOnly());
                }));
    }

    private void revoke(ApiToken token, String actor, String owner, String reason) {
        token.revoke(actor, clock.instant());
        tokens.flush();
        events.publishEvent(new ApiTokenChanged(actor, token.getId(), label(owner, token),
                ApiTokenChanged.Change.REVOKED, describe(token), reason));
    }

    private static String label(String owner, ApiToken token) {
        return owner + ": " + token.getName();
    }

    private static String describe(ApiToken token) {
        return "roles=" + token.getRoles() + "; readOnly=" + token.isReadOnly() + "; expiresOn=" + token.getExpiresOn()
                + (token.isRevoked() ? "; revoked" : "");
    }

    private static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
