package com.bonusdesk.customerreferrals;

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

/** One step on a customer referral's timeline: who moved it from what to what, when and why. */
@Entity
@Table(name = "customer_referral_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CustomerReferralEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long customerReferralId;

    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private CustomerReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private CustomerReferralStatus toStatus;

    private String reason;

    CustomerReferralEvent(long customerReferralId, Instant occurredAt, String actor, CustomerReferralStatus fromStatus,
            CustomerReferralStatus toStatus, String reason) {
        this.customerReferralId = customerReferralId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }
}
