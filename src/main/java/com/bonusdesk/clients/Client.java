package com.bonusdesk.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A client, known by its code; every name it was known by is kept. */
@Entity
@Table(name = "client")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Client {

    /** A name the client was known by, and the first order date it appeared on. */
    @Embeddable
    public record KnownName(String name, @Column(name = "first_seen") LocalDate firstSeen) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    @Enumerated(EnumType.STRING)
    private ClientCode.Kind kind;

    private String name;

    private Instant createdAt;

    /** Whom the client's latest order carrying one names as its contact; none when the ERP never said. */
    private String contactName;

    private String contactMobile;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "client_name", joinColumns = @JoinColumn(name = "client_id"))
    private Set<KnownName> names = new HashSet<>();

    Client(ClientCode code, String name, LocalDate seen, Instant now) {
        this.code = code.value();
        this.kind = code.kind();
        this.name = name;
        this.createdAt = now;
        this.names.add(new KnownName(name, seen));
    }

    /**
     * Records a name and a contact (none: the order names no contact) seen on an order; the name and contact on
     * the latest order are the current ones.
     */
    void seenAs(String seenName, String seenContactName, String seenContactMobile, LocalDate onOrderDated,
            LocalDate latestOrderDate) {
        if (names.stream().noneMatch(known -> known.name().equals(seenName))) {
            names.add(new KnownName(seenName, onOrderDated));
        }
        if (latestOrderDate == null || !onOrderDated.isBefore(latestOrderDate)) {
            this.name = seenName;
            if (seenContactMobile != null) {
                this.contactName = seenContactName;
                this.contactMobile = seenContactMobile;
            }
        }
    }

    public boolean wasKnownAs(String otherName) {
        return names.stream().anyMatch(known -> known.name().equals(otherName));
    }
}
