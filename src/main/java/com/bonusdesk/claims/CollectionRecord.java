package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** Money received on an order (回款), as finance recorded it; a negative amount is a refund. */
@Entity
@Table(name = "collection")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CollectionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    private String orderNumber;

    private LocalDate receivedOn;

    private BigDecimal amount;

    private String recordedBy;

    private Instant recordedAt;

    CollectionRecord(String reference, String orderNumber, LocalDate receivedOn, BigDecimal amount, String recordedBy,
            Instant recordedAt) {
        this.reference = reference;
        this.orderNumber = orderNumber;
        this.receivedOn = receivedOn;
        this.amount = amount;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    boolean sameAs(String otherOrderNumber, LocalDate otherDate, BigDecimal otherAmount) {
        return orderNumber.equals(otherOrderNumber) && receivedOn.equals(otherDate)
                && amount.compareTo(otherAmount) == 0;
    }
}
