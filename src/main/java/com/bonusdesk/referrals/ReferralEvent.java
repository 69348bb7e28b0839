package com.bonusdesk.referrals;

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

/** One step on an application's timeline: who moved it from what to what, when and why. */
@Entity
@Table(name = "referral_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReferralEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long referralId;

    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private ReferralStatus toStatus;

    private String reason;

    ReferralEvent(long referralId, Instant occurredAt, String actor, ReferralStatus fromStatus, ReferralStatus toStatus,
            String reason) {
        this.referralId = referralId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }
}
