package com.bonusdesk.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.bonusdesk.calculation.RuleCode;

/** An amount a person earned (or that was clawed back), as it was computed and explained at the time. */
@Entity
@Table(name = "earned_line")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class EarnedLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long payeeId;

    private String sourceType;

    private long sourceId;

    @Enumerated(EnumType.STRING)
    private RuleCode rule;

    private BigDecimal amount;

    private String planVersion;

    private LocalDate earnedOn;

    /** The first day a weekly run may pay it, by its rule's cadence. */
    private LocalDate dueOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String explanation;

    private Instant createdAt;

    EarnedLine(long payeeId, String sourceType, long sourceId, RuleCode rule, BigDecimal amount, String planVersion,
            LocalDate earnedOn, String explanation, Instant createdAt) {
        this.payeeId = payeeId;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.rule = rule;
        this.amount = amount;
        this.planVersion = planVersion;
        this.earnedOn = earnedOn;
        this.dueOn = rule.dueOn(earnedOn);
        this.explanation = explanation;
        this.createdAt = createdAt;
    }
}
