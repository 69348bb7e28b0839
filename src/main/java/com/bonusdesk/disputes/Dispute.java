package com.bonusdesk.disputes;

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

import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Evidence;

/**
 * A payee's question about one of their lines, a claim, or something missing, with an optional file. It is
 * answered once: closed with an explanation, or resolved by an adjustment; the version catches two answers at
 * once.
 */
@Entity
@Table(name = "dispute")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Dispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long payeeId;

    private Long lineId;

    private Long claimId;

    private String text;

    private String attachmentName;

    private String attachmentType;

    @Getter(AccessLevel.NONE)
    private byte[] attachment;

    @Enumerated(EnumType.STRING)
    private DisputeStatus status;

    private Instant openedAt;

    private LocalDate dueOn;

    private String answer;

    private Long closedBy;

    private Instant closedAt;

    @Version
    private long version;

    Dispute(long payeeId, Long lineId, Long claimId, String text, Evidence file, Instant now, LocalDate dueOn) {
        this.payeeId = payeeId;
        this.lineId = lineId;
        this.claimId = claimId;
        this.text = text;
        if (file != null) {
            this.attachmentName = file.fileName();
            this.attachmentType = file.contentType();
            this.attachment = file.content();
        }
        this.status = DisputeStatus.OPEN;
        this.openedAt = now;
        this.dueOn = dueOn;
    }

    /** Whether it is still open after its due date. */
    public boolean isOverdue(LocalDate today) {
        return status == DisputeStatus.OPEN && today.isAfter(dueOn);
    }

    Evidence file() {
        return attachment == null ? null : new Evidence(attachmentName, attachmentType, attachment);
    }

    void answer(String explanation, long financeId, Instant now) {
        end(DisputeStatus.CLOSED, explanation, financeId, now);
    }

    void resolve(String reason, long financeId, Instant now) {
        end(DisputeStatus.RESOLVED, reason, financeId, now);
    }

    private void end(DisputeStatus outcome, String explanation, long financeId, Instant now) {
        if (status != DisputeStatus.OPEN) {
            throw new Refusal.WrongState("dispute.notOpen");
        }
        this.status = outcome;
        this.answer = explanation;
        this.closedBy = financeId;
        this.closedAt = now;
    }
}
