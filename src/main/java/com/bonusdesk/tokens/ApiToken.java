package com.bonusdesk.tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import com.bonusdesk.people.Role;

/** A person's named API token: its secret's hash, what it may do, until when, and whether it was revoked. */
@Entity
@Table(name = "api_token")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long personId;

    private String name;

    private String secretHash;

    private boolean readOnly;

    private String roles;

    private LocalDate expiresOn;

    private Instant createdAt;

    private String createdBy;

    private Instant lastUsedAt;

    private Instant revokedAt;

    private String revokedBy;

    ApiToken(long personId, String name, String secretHash, boolean readOnly, Set<Role> roles, LocalDate expiresOn,
            String createdBy, Instant now) {
        this.personId = personId;
        this.name = name;
        this.secretHash = secretHash;
        this.readOnly = readOnly;
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        this.expiresOn = expiresOn;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(code -> !code.isEmpty()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    /** Valid through the whole of its last day, in the company's time zone. */
    boolean isExpired(LocalDate today) {
        return today.isAfter(expiresOn);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    ApiTokenStatus status(LocalDate today) {
        if (isRevoked()) {
            return ApiTokenStatus.REVOKED;
        }
        return isExpired(today) ? ApiTokenStatus.EXPIRED : ApiTokenStatus.ACTIVE;
    }

    void revoke(String actor, Instant now) {
        revokedAt = now;
        revokedBy = actor;
    }
}
