package com.bonusdesk.keyaccounts;

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

import com.bonusdesk.calculation.KeyAccountMode;

/**
 * A client designated a key account from a date, with its class and the mode it chose for the plan year; in cash
 * mode it is paid as an external payee, to its bank account.
 */
@Entity
@Table(name = "key_account")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class KeyAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long clientId;

    @Enumerated(EnumType.STRING)
    private ClientClass clientClass;

    @Enumerated(EnumType.STRING)
    private KeyAccountMode mode;

    private LocalDate validFrom;

    private Long payeeId;

    private String createdBy;

    private Instant createdAt;

    @Version
    private long version;

    KeyAccount(long clientId, ClientClass clientClass, KeyAccountMode mode, LocalDate validFrom, Long payeeId,
            String createdBy, Instant now) {
        this.clientId = clientId;
        this.clientClass = clientClass;
        this.mode = mode;
        this.validFrom = validFrom;
        this.payeeId = payeeId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Cash is paid to this external payee from now on: the client's bank details, given when it chose cash. */
    void payTo(long payee) {
        this.payeeId = payee;
    }

    String describe() {
        return "class=" + clientClass + "; mode=" + mode + "; from=" + validFrom + "; payee=" + payeeId;
    }
}
