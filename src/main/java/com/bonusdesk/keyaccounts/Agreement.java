package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

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

import com.bonusdesk.calculation.KeyAccountFacts;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Decidable;

/**
 * A key account's individual agreement for a period of months: a rate (a fraction) or a fixed amount a month,
 * entered by finance and in force once a general manager who did not enter it approves it.
 */
@Entity
@Table(name = "key_account_agreement")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Agreement implements Decidable {

    /** Where an agreement stands. */
    public enum Status {
        WAITING_APPROVAL,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long keyAccountId;

    @Column(name = "from_month")
    private LocalDate fromMonth;

    @Column(name = "to_month")
    private LocalDate toMonth;

    private BigDecimal rate;

    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    private long enteredBy;

    private Instant enteredAt;

    @Version
    private long version;

    Agreement(long keyAccountId, YearMonth from, YearMonth to, BigDecimal rate, BigDecimal amount, long enteredBy,
            Instant now) {
        this.keyAccountId = keyAccountId;
        this.fromMonth = from.atDay(1);
        this.toMonth = to.atDay(1);
        this.rate = rate;
        this.amount = amount;
        this.status = Status.WAITING_APPROVAL;
        this.enteredBy = enteredBy;
        this.enteredAt = now;
    }

    public YearMonth from() {
        return YearMonth.from(fromMonth);
    }

    public YearMonth to() {
        return YearMonth.from(toMonth);
    }

    /** The rate in percent as people read it (12.5); none for an amount. */
    public BigDecimal ratePercent() {
        return rate == null ? null : Money.inPercent(rate);
    }

    public boolean covers(YearMonth month) {
        return !month.isBefore(from()) && !month.isAfter(to());
    }

    /** The terms as the calculation reads them. */
    KeyAccountFacts.Agreement terms() {
        return new KeyAccountFacts.Agreement(rate, amount);
    }

    void decide(boolean approve) {
        if (status != Status.WAITING_APPROVAL) {
            throw new Refusal.WrongState("agreement.alreadyDecided");
        }
        this.status = approve ? Status.APPROVED : Status.REJECTED;
    }

    @Override
    public long submitter() {
        return enteredBy;
    }
}
