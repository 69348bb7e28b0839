package com.bonusdesk.workflow;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One step of one item's chain, as chosen when the item entered approval: its approver and threshold, the
 * item's amount then, and, once taken, who decided what and when. The version catches two people deciding the
 * same step at once.
 */
@Entity
@Table(name = "approval_step")
@Getter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ApprovalStep {

    static final String APPROVED = "APPROVED";

    static final String REJECTED = "REJECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String subjectType;

    private long subjectId;

    private int position;

    private String approver;

    private BigDecimal appliesAbove;

    private BigDecimal amount;

    private long submitterId;

    private boolean open;

    private Long decidedBy;

    private String decidedByName;

    private Instant decidedAt;

    private String decision;

    private String reason;

    @Version
    private long version;

    ApprovalStep(String subjectType, long subjectId, int position, Chain.Step step, BigDecimal amount,
            long submitterId, boolean open) {
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.position = position;
        this.approver = step.approver().code();
        this.appliesAbove = step.above();
        this.amount = amount;
        this.submitterId = submitterId;
        this.open = open;
    }

    Chain.Approver approverKind() {
        return Chain.Approver.ofCode(approver).orElseThrow(
                () -> new IllegalStateException("Unknown approver " + approver + " on step " + id));
    }

    void decide(boolean approve, long deciderId, String deciderName, String reason, Instant now) {
        this.open = false;
        this.decision = approve ? APPROVED : REJECTED;
        this.decidedBy = deciderId;
        this.decidedByName = deciderName;
        this.reason = reason;
        this.decidedAt = now;
    }

    void open() {
        this.open = true;
    }

    void close() {
        this.open = false;
    }
}
