package com.bonusdesk.workflow;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** One change of status of a claim, referral or customer referral: who, when, from, to and why. */
@Entity
@Table(name = "workflow_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TimelineEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String subjectType;

    private long subjectId;

    private Instant occurredAt;

    private String actor;

    private String fromStatus;

    private String toStatus;

    private String reason;

    TimelineEvent(String subjectType, long subjectId, Instant occurredAt, String actor, String fromStatus,
            String toStatus, String reason) {
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }
}
