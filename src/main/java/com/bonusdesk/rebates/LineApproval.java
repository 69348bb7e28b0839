package com.bonusdesk.rebates;

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
 * One source's lines (a key account's month, a dealer's month or year) waiting for approval at the total they came
 * to. Its payee stands as its submitter: nobody approves money for themselves.
 */
@Entity
@Table(name = "line_approval")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class LineApproval implements Decidable {

    /** Where an approval stands; a recomputation to another total supersedes a waiting one. */
    public enum Status {
        WAITING_APPROVAL,
        APPROVED,
        REJECTED,
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String sourceType;

    private long sourceId;

    private long payeeId;

    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant createdAt;

    @Version
    private long version;

    LineApproval(String sourceType, long sourceId, long payeeId, BigDecimal amount, Instant now) {
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.payeeId = payeeId;
        this.amount = amount;
        this.status = Status.WAITING_APPROVAL;
        this.createdAt = now;
    }

    /** What its held lines are held for. */
    String holdKey() {
        return "APPROVAL:" + sourceType + ":" + sourceId;
    }

    void decide(boolean approve) {
        if (status != Status.WAITING_APPROVAL) {
            throw new Refusal.WrongState("lineApproval.alreadyDecided");
        }
        this.status = approve ? Status.APPROVED : Status.REJECTED;
    }

    void supersede() {
        this.status = Status.SUPERSEDED;
    }

    @Override
    public long submitter() {
        return payeeId;
    }
}
