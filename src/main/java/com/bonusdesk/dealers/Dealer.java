package com.bonusdesk.dealers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A client flagged as a dealer, and the external payee its rebates are paid to. */
@Entity
@Table(name = "dealer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Dealer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long clientId;

    private long payeeId;

    private String createdBy;

    private Instant createdAt;

    Dealer(long clientId, long payeeId, String createdBy, Instant now) {
        this.clientId = clientId;
        this.payeeId = payeeId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }
}
