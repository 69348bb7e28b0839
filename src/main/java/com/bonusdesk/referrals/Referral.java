package com.bonusdesk.referrals;

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

import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Decidable;

/**
 * A referral application: who referred which client, the contract, the declared relationship, the day it was
 * filed and the deadline it had. It changes state only through its methods; the version catches two
 * decisions made at once.
 */
@Entity
@Table(name = "referral")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Referral implements Decidable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long referrerId;

    private String clientCode;

    private String clientName;

    private String contractNumber;

    private LocalDate signedDate;

    private BigDecimal contractAmount;

    private BigDecimal clientAnnualSales;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    private String evidence;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    private LocalDate filedOn;

    private LocalDate deadline;

    private Instant filedAt;

    private Long decidedBy;

    private Instant decidedAt;

    private String decisionReason;

    @Version
    private long version;

    Referral(long referrerId, ReferralFacts facts, LocalDate filedOn, LocalDate deadline, Instant now) {
        this.referrerId = referrerId;
        this.clientCode = facts.clientCode();
        this.clientName = facts.clientName();
        this.contractNumber = facts.contractNumber();
        this.signedDate = facts.signedDate();
        this.contractAmount = facts.contractAmount();
        this.clientAnnualSales = facts.clientAnnualSales();
        this.relationship = facts.relationship();
        this.evidence = facts.evidence();
        this.status = ReferralStatus.SUBMITTED;
        this.filedOn = filedOn;
        this.deadline = deadline;
        this.filedAt = now;
    }

    void approve(long deciderId, String reason, Instant now) {
        decide(ReferralStatus.SUBMITTED, ReferralStatus.APPROVED, deciderId, reason, now);
    }

    void reject(long deciderId, String reason, Instant now) {
        decide(ReferralStatus.SUBMITTED, ReferralStatus.REJECTED, deciderId, reason, now);
    }

    /** False information found later: the approved referral is cancelled and what it earned is clawed back. */
    void cancel(long deciderId, String reason, Instant now) {
        decide(ReferralStatus.APPROVED, ReferralStatus.CANCELLED, deciderId, reason, now);
    }

    private void decide(ReferralStatus from, ReferralStatus to, long deciderId, String reason, Instant now) {
        if (status != from) {
            throw new Refusal.WrongState("claim.alreadyDecided");
        }
        this.status = to;
        this.decidedBy = deciderId;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    @Override
    public long submitter() {
        return referrerId;
    }
}
