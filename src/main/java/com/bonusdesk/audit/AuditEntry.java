package com.bonusdesk.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** One recorded change. The table refuses updates and deletes, so an entry is final once written. */
@Entity
@Table(name = "audit_entry")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String actor;

    private String action;

    private String subjectType;

    private String subjectId;

    private String subjectLabel;

    private String beforeState;

    private String afterState;

    private String reason;

    AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
            String subjectLabel, String beforeState, String afterState, String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.subjectLabel = subjectLabel;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.reason = reason;
    }
}
