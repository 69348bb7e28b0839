package com.bonusdesk.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An order from the ERP, keyed by its order number; importing it again changes nothing. */
@Entity
@Table(name = "client_order")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ClientOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String orderNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private Client client;

    private LocalDate orderDate;

    private BigDecimal amount;

    private int units;

    private Instant importedAt;

    ClientOrder(String orderNumber, Client client, LocalDate orderDate, BigDecimal amount, int units, Instant now) {
        this.orderNumber = orderNumber;
        this.client = client;
        this.orderDate = orderDate;
        this.amount = amount;
        this.units = units;
        this.importedAt = now;
    }

    boolean sameAs(ImportRow row) {
        return client.getCode().equals(row.code().value()) && orderDate.equals(row.orderDate())
                && amount.compareTo(row.amount()) == 0 && units == row.units();
    }
}
