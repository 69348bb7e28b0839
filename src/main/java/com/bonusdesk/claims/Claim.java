package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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
 * A salesperson's claim that an order opened a new client. It changes state only through its methods,
 * each of which refuses a change from the wrong state; the version catches two changes made at once.
 */
@Entity
@Table(name = "claim")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Claim implements Decidable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long submitterId;

    private String clientCode;

    private String clientName;

    private String orderNumber;

    private LocalDate orderDate;

    private BigDecimal orderAmount;

    private int units;

    private boolean belowListPrice;

    private boolean packageDeal;

    private String note;

    @Enumerated(EnumType.STRING)
    private ClaimStatus status;

    private Instant submittedAt;

    private Long decidedBy;

    private Instant decidedAt;

    private String decisionReason;

    @Version
    private long version;

    Claim(long submitterId, ClaimFacts facts, Instant now) {
        this.submitterId = submitterId;
        this.clientCode = facts.clientCode();
        this.clientName = facts.clientName();
        this.orderNumber = facts.orderNumber();
        this.orderDate = facts.orderDate();
        this.orderAmount = facts.orderAmount();
        this.units = facts.units();
        this.belowListPrice = facts.belowListPrice();
        this.packageDeal = facts.packageDeal();
        this.note = facts.note();
        this.status = ClaimStatus.SUBMITTED;
        this.submittedAt = now;
    }

    void approve(long deciderId, String reason, Instant now) {
        decide(ClaimStatus.APPROVED, deciderId, reason, now);
    }

    void reject(long deciderId, String reason, Instant now) {
        decide(ClaimStatus.REJECTED, deciderId, reason, now);
    }

    /** An approved claim found wrong (fraud, wrong data) is cancelled; what it earned is clawed back. */
    void cancel(long cancellerId, String reason, Instant now) {
        requireStatus(ClaimStatus.APPROVED);
        this.status = ClaimStatus.CANCELLED;
        this.decidedBy = cancellerId;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    void withdraw() {
        requireStatus(ClaimStatus.SUBMITTED);
        this.status = ClaimStatus.WITHDRAWN;
    }

    /** Below list price, the lower rate applies; it needs the manager's approval, which approving the claim gives. */
    public boolean needsPriceApproval() {
        return belowListPrice;
    }

    private void decide(ClaimStatus outcome, long deciderId, String reason, Instant now) {
        requireStatus(ClaimStatus.SUBMITTED);
        this.status = outcome;
        this.decidedBy = deciderId;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    private void requireStatus(ClaimStatus expected) {
        if (status != expected) {
            throw new Refusal.WrongState("claim.alreadyDecided");
        }
    }

    @Override
    public long submitter() {
        return submitterId;
    }
}
