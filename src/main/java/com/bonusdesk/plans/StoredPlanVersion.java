package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.bonusdesk.calculation.PlanKind;

/**
 * A version of a plan as stored: its window, its parameters as JSON, and the settings that workflows use
 * (its approval chain as JSON, for the plans whose items are approved; its budget). A draft can be edited; a published version never changes again, except that
 * publishing its successor closes its window.
 */
@Entity
@Table(name = "plan_version")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class StoredPlanVersion {

    public enum Status {
        DRAFT,
        PUBLISHED
    }

    /** The period a budget covers: the Monday–Sunday week, calendar month, quarter or year holding a date. */
    public enum BudgetPeriod {
        WEEK,
        MONTH,
        QUARTER,
        YEAR;

        public LocalDate firstDay(LocalDate date) {
            return switch (this) {
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> date.withDayOfMonth(1);
                case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        public LocalDate lastDay(LocalDate date) {
            return switch (this) {
                case WEEK -> firstDay(date).plusDays(6);
                case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
                case QUARTER -> firstDay(date).plusMonths(3).minusDays(1);
                case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
            };
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private PlanKind kind;

    private int number;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate validFrom;

    private LocalDate validTo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String rules;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String approvalChain;

    private BigDecimal budgetAmount;

    @Enumerated(EnumType.STRING)
    private BudgetPeriod budgetPeriod;

    private String createdBy;

    private Instant createdAt;

    private String publishedBy;

    private Instant publishedAt;

    @Version
    private long version;

    StoredPlanVersion(StoredPlanVersion copyOf, int number, LocalDate validFrom, String createdBy, Instant now) {
        this.kind = copyOf.kind;
        this.number = number;
        this.status = Status.DRAFT;
        this.validFrom = validFrom;
        this.rules = copyOf.rules;
        this.approvalChain = copyOf.approvalChain;
        this.budgetAmount = copyOf.budgetAmount;
        this.budgetPeriod = copyOf.budgetPeriod;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    void revise(LocalDate validFrom, LocalDate validTo, String rules, String approvalChain, BigDecimal budgetAmount,
            BudgetPeriod budgetPeriod) {
        requireDraft();
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.rules = rules;
        this.approvalChain = approvalChain;
        this.budgetAmount = budgetAmount;
        this.budgetPeriod = budgetPeriod;
    }

    void publish(String publisher, Instant now) {
        requireDraft();
        this.status = Status.PUBLISHED;
        this.publishedBy = publisher;
        this.publishedAt = now;
    }

    /**
     * The same plan for the year after this version ends, published at once by {@code by}: what demo mode keeps in
     * force when a shipped version ends.
     */
    StoredPlanVersion followingYear(int number, String by, Instant now) {
        LocalDate start = validTo.plusDays(1);
        StoredPlanVersion next = new StoredPlanVersion(this, number, start, by, now);
        next.validTo = start.plusYears(1).minusDays(1);
        next.publish(by, now);
        return next;
    }

    /** Ends this version's window the day before its successor starts. */
    void supersedeFrom(LocalDate successorStart) {
        if (validTo == null || validTo.isAfter(successorStart.minusDays(1))) {
            this.validTo = successorStart.minusDays(1);
        }
    }

    String describe() {
        return kind + " v" + number + " " + status + " from " + validFrom + (validTo == null ? "" : " to " + validTo)
                + "; approvalChain=" + (approvalChain == null ? "" : approvalChain)
                + "; budget=" + (budgetAmount == null ? "" : budgetAmount.toPlainString() + "/" + budgetPeriod)
                + "; rules=" + rules;
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("A published plan version is read-only");
        }
    }
}
