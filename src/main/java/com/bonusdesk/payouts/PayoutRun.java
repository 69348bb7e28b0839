package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import jakarta.persistence.Column;
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

import com.bonusdesk.calculation.Money;
import com.bonusdesk.refusal.Refusal;

/**
 * The payout run of one Monday–Sunday week. It changes state only through its methods; the building job
 * writes its progress (step, lines done of total) with SQL as it goes, so those columns are read-only here.
 */
@Entity
@Table(name = "payout_run")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PayoutRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The Sunday that ends the week: the run pays what is due up to and including it. */
    private LocalDate weekEnding;

    @Enumerated(EnumType.STRING)
    private PayoutRunStatus status;

    @Column(insertable = false, updatable = false)
    private String step;

    private String builtBy;

    private Instant startedAt;

    private Instant builtAt;

    @Column(insertable = false, updatable = false)
    private long linesTotal;

    @Column(insertable = false, updatable = false)
    private long linesDone;

    private long lineCount;

    private int payeeCount;

    private int carriedCount;

    private BigDecimal total;

    /** Why the build stopped, as a message key. */
    private String failure;

    private String decidedBy;

    private Instant decidedAt;

    private String decisionReason;

    private LocalDate paidOn;

    private String paidBy;

    private Instant paidAt;

    @Version
    private long version;

    PayoutRun(LocalDate weekEnding, String builtBy, Instant now) {
        this.weekEnding = weekEnding;
        this.status = PayoutRunStatus.BUILDING;
        this.builtBy = builtBy;
        this.startedAt = now;
        this.total = Money.ZERO;
    }

    /** The ISO week, e.g. {@code 2026-W25}: how people and file names refer to a run. */
    public String label() {
        return label(weekEnding);
    }

    static String label(LocalDate weekEnding) {
        return "%d-W%02d".formatted(weekEnding.get(IsoFields.WEEK_BASED_YEAR),
                weekEnding.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate weekStart() {
        return weekEnding.minusDays(6);
    }

    /** How far the build got, 0 to 100. */
    public int percentDone() {
        if (status != PayoutRunStatus.BUILDING && status != PayoutRunStatus.FAILED) {
            return 100;
        }
        return linesTotal == 0 ? 0 : (int) Math.min(100, linesDone * 100 / linesTotal);
    }

    /** Whether its lines count as approved for payment. */
    public boolean isApproved() {
        return status.isApproved();
    }

    void built(Totals totals, Instant now) {
        require(PayoutRunStatus.BUILDING, "payout.notResumable");
        this.status = PayoutRunStatus.DRAFT;
        this.lineCount = totals.lines();
        this.payeeCount = totals.payees();
        this.carriedCount = totals.carried();
        this.total = totals.amount();
        this.builtAt = now;
    }

    void failed(String reasonKey) {
        require(PayoutRunStatus.BUILDING, "payout.notResumable");
        this.status = PayoutRunStatus.FAILED;
        this.failure = reasonKey;
    }

    void resumed() {
        if (status != PayoutRunStatus.BUILDING && status != PayoutRunStatus.FAILED) {
            throw new Refusal.WrongState("payout.notResumable");
        }
        this.status = PayoutRunStatus.BUILDING;
        this.failure = null;
    }

    void approve(String approver, String reason, Instant now) {
        decide(PayoutRunStatus.APPROVED, approver, reason, now);
    }

    void reject(String approver, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A rejection needs a reason");
        }
        decide(PayoutRunStatus.REJECTED, approver, reason, now);
    }

    void pay(LocalDate paidOn, String payer, Instant now) {
        require(PayoutRunStatus.APPROVED, "payout.notPayable");
        this.status = PayoutRunStatus.PAID;
        this.paidOn = paidOn;
        this.paidBy = payer;
        this.paidAt = now;
    }

    private void decide(PayoutRunStatus to, String approver, String reason, Instant now) {
        require(PayoutRunStatus.DRAFT, "payout.alreadyDecided");
        if (approver.equals(builtBy)) {
            throw new IllegalArgumentException(approver + " built run " + id + " and cannot decide it");
        }
        this.status = to;
        this.decidedBy = approver;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    private void require(PayoutRunStatus expected, String refusalKey) {
        if (status != expected) {
            throw new Refusal.WrongState(refusalKey);
        }
    }

    /** What a finished build adds up to: lines and payees paid, payees carried forward, the amount. */
    record Totals(long lines, int payees, int carried, BigDecimal amount) {
    }
}
