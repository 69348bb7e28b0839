package com.bonusdesk.disputes;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Decidable;

/**
 * A correction of a payee's pay by finance, positive or negative, with its reason and, when it answers one, its
 * dispute. Approved, it becomes one ledger line; it is never edited afterwards.
 */
@Entity
@Table(name = "adjustment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Adjustment implements Decidable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long payeeId;

    private Long disputeId;

    private BigDecimal amount;

    private String reason;

    @Enumerated(EnumType.STRING)
    private AdjustmentStatus status;

    private long createdBy;

    private Instant createdAt;

    private Long decidedBy;

    private Instant decidedAt;

    private String decisionReason;

    @Version
    private long version;

    Adjustment(long payeeId, Long disputeId, BigDecimal amount, String reason, boolean needsApproval, long createdBy,
            Instant now) {
        this.payeeId = payeeId;
        this.disputeId = disputeId;
        this.amount = amount;
        this.reason = reason;
        this.status = needsApproval ? AdjustmentStatus.WAITING_APPROVAL : AdjustmentStatus.APPROVED;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void approve(long deciderId, String why, Instant now) {
        decide(AdjustmentStatus.APPROVED, deciderId, why, now);
    }

    void reject(long deciderId, String why, Instant now) {
        decide(AdjustmentStatus.REJECTED, deciderId, why, now);
    }

    private void decide(AdjustmentStatus outcome, long deciderId, String why, Instant now) {
        if (status != AdjustmentStatus.WAITING_APPROVAL) {
            throw new Refusal.WrongState("adjustment.alreadyDecided");
        }
        this.status = outcome;
        this.decidedBy = deciderId;
        this.decidedAt = now;
        this.decisionReason = why;
    }

    @Override
    public long submitter() {
        return createdBy;
    }
}
