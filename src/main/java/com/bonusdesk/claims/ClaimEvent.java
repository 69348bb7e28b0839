package com.bonusdesk.claims;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** One step on a claim's timeline: who moved it from what to what, when and why. */
@Entity
@Table(name = "claim_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ClaimEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long claimId;

    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private ClaimStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private ClaimStatus toStatus;

    private String reason;

    ClaimEvent(long claimId, Instant occurredAt, String actor, ClaimStatus fromStatus, ClaimStatus toStatus,
            String reason) {
        this.claimId = claimId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }
}
