package com.bonusdesk.disputes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calendar.CompanyCalendar;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Evidence;
import com.bonusdesk.web.SearchText;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.TimelineEvent;

/**
 * Opens, answers and resolves disputes. A payee opens one on their own line, their own claim, or on nothing in
 * particular (something missing); finance answers it within the set working days, may hold its line out of
 * payout runs meanwhile, and resolves it with an adjustment. Nobody answers their own dispute.
 */
@Service
@RequiredArgsConstructor
public class Disputes {

    static final String SOURCE = "DISPUTE";

    private static final int MAX_TEXT = 2000;

    private final DisputeRepository disputes;
    private final Adjustments adjustments;
    private final Ledger ledger;
    private final ClaimService claims;
    private final PersonService people;
    private final CompanyCalendar calendar;
    private final Approvals approvals;
    private final DisputeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Opens a dispute for {@code payeeId}: on one of their lines, one of their claims, or neither. A line or claim
     * that is not theirs is not found (404); a missing text is a 400. It is due the set number of working days
     * from today.
     */
    @Transactional
    public Dispute open(long payeeId, Long lineId, Long claimId, String text, Evidence file, String actor) {
        if (lineId != null && claimId != null) {
            throw new Refusal.InvalidInput("claimId", "dispute.oneSubject");
        }
        if (lineId != null && ownLine(lineId, payeeId).isEmpty()) {
            throw new Refusal.NotFound();
        }
        if (claimId != null && claims.visibleTo(claimId, payeeId)
                .filter(claim -> claim.getSubmitterId() == payeeId).isEmpty()) {
            throw new Refusal.NotFound();
        }
        String question = checkedText(text, "text", "dispute.text.required");
        LocalDate today = LocalDate.now(clock);
        Dispute opened = disputes.saveAndFlush(new Dispute(payeeId, lineId, claimId, question, file, clock.instant(),
                calendar.snapshot().nthWorkingDayAfter(today, properties.answerWorkingDays())));
        record(opened, actor, "OPENED", null, DisputeStatus.OPEN.name(), null);
        return opened;
    }

    /** Finance closes the dispute with an explanation; a held line is due again. */
    @Transactional
    public Dispute answer(long id, long financeId, String explanation, String actor) {
        Dispute dispute = decidable(id, financeId);
        String answer = checkedText(explanation, "text", "dispute.answer.required");
        dispute.answer(answer, financeId, clock.instant());
        approvals.commit(disputes, "dispute.notOpen");
        ledger.release(id);
        record(dispute, actor, "ANSWERED", DisputeStatus.OPEN.name(), dispute.getStatus().name(), answer);
        return dispute;
    }

    /**
     * Finance resolves the dispute with an adjustment to the payee's pay: paid in the next run once approved (at
     * once up to the set amount). A held line is due again.
     */
    @Transactional
    public Adjustment resolve(long id, long financeId, BigDecimal amount, String reason, String actor) {
        Dispute dispute = decidable(id, financeId);
        String why = Adjustments.checkedReason(reason);
        dispute.resolve(why, financeId, clock.instant());
        approvals.commit(disputes, "dispute.notOpen");
        Adjustment adjustment = adjustments.make(dispute.getPayeeId(), id, amount, why, financeId, actor);
        ledger.release(id);
        record(dispute, actor, "RESOLVED", DisputeStatus.OPEN.name(), dispute.getStatus().name(), why);
        return adjustment;
    }

    /**
     * Finance holds the disputed line out of payout runs until the dispute ends. Refused when the dispute is on no
     * line, and when the line is already in a run (reject the run instead) or already held.
     */
    @Transactional
    public Dispute hold(long id, long financeId, String reason, String actor) {
        Dispute dispute = decidable(id, financeId);
        if (dispute.getLineId() == null) {
            throw new Refusal.WrongState("dispute.hold.noLine");
        }
        String why = Adjustments.checkedReason(reason);
        if (ledger.line(dispute.getLineId()).orElseThrow().line().settlement() != null) {
            throw new Refusal.WrongState("dispute.hold.inRun");
        }
        if (!ledger.hold(dispute.getLineId(), id, why, financeId)) {
            throw new Refusal.WrongState("dispute.hold.already");
        }
        record(dispute, actor, "LINE_HELD", DisputeStatus.OPEN.name(), "HELD", why);
        return dispute;
    }

    /**
     * A dispute as {@code viewerId} may see it: their own, any for finance, and their reporting line's for a
     * manager.
     */
    @Transactional(readOnly = true)
    public Optional<Dispute> visibleTo(long id, long viewerId) {
        return disputes.findById(id).filter(dispute -> dispute.getPayeeId() == viewerId
                || people.actsAs(viewerId, Role.FINANCE)
                || people.ledBy(viewerId).contains(dispute.getPayeeId()));
    }

    /**
     * The disputes {@code viewerId} sees (finance all, a manager their line's and their own, anyone else their
     * own) whose text or payee matches {@code query}, if one is given.
     */
    @Transactional(readOnly = true)
    public Page<Dispute> listFor(long viewerId, DisputeStatus status, String query, Pageable pageable) {
        boolean finance = people.actsAs(viewerId, Role.FINANCE);
        Set<Long> payees = people.ledBy(viewerId);
        payees.add(viewerId);
        boolean blank = SearchText.isBlank(query);
        Set<Long> named = new HashSet<>(blank ? Set.of() : people.idsMatching(query));
        named.add(0L);
        return disputes.findFor(finance, payees, status, blank ? "%" : SearchText.containsPattern(query), named,
                pageable);
    }

    /** What is waiting for finance: open disputes, and how many of them are past their due date. */
    public record Waiting(long open, long overdue) {
    }

    @Transactional(readOnly = true)
    public Waiting waiting() {
        return new Waiting(disputes.countByStatus(DisputeStatus.OPEN),
                disputes.countByStatusAndDueOnBefore(DisputeStatus.OPEN, LocalDate.now(clock)));
    }

    @Transactional(readOnly = true)
    public long openOf(long payeeId) {
        return disputes.countByPayeeIdAndStatus(payeeId, DisputeStatus.OPEN);
    }

    @Transactional(readOnly = true)
    public boolean mayAnswer(Dispute dispute, long personId) {
        return dispute.getStatus() == DisputeStatus.OPEN && dispute.getPayeeId() != personId
                && people.actsAs(personId, Role.FINANCE);
    }

    @Transactional(readOnly = true)
    public Optional<Ledger.Held> holdOf(Dispute dispute) {
        return dispute.getLineId() == null ? Optional.empty() : ledger.holdOf(dispute.getLineId());
    }

    /** One of {@code payeeId}'s own lines; none when the line is someone else's. */
    @Transactional(readOnly = true)
    public Optional<Ledger.Owned> ownLine(long lineId, long payeeId) {
        return ledger.line(lineId).filter(owned -> owned.payeeId() == payeeId);
    }

    @Transactional(readOnly = true)
    public Optional<Ledger.Owned> lineOf(Dispute dispute) {
        return dispute.getLineId() == null ? Optional.empty() : ledger.line(dispute.getLineId());
    }

    @Transactional(readOnly = true)
    public Optional<Evidence> fileOf(long id, long viewerId) {
        return visibleTo(id, viewerId).map(Dispute::file);
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(long id) {
        return approvals.timelineOf(SOURCE, id);
    }

    public boolean isOverdue(Dispute dispute) {
        return dispute.isOverdue(LocalDate.now(clock));
    }

    /** The open dispute {@code financeId} may answer: finance, never on their own; 404 when not theirs to see. */
    private Dispute decidable(long id, long financeId) {
        Dispute dispute = visibleTo(id, financeId).orElseThrow(Refusal.NotFound::new);
        if (!people.actsAs(financeId, Role.FINANCE)) {
            throw new Refusal.NotPermitted("dispute.financeOnly");
        }
        if (dispute.getPayeeId() == financeId) {
            throw new Refusal.NotPermitted("dispute.own");
        }
        if (dispute.getStatus() != DisputeStatus.OPEN) {
            throw new Refusal.WrongState("dispute.notOpen");
        }
        return dispute;
    }

    private static String checkedText(String text, String field, String requiredKey) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            throw new Refusal.InvalidInput(field, requiredKey);
        }
        if (given.length() > MAX_TEXT) {
            throw new Refusal.InvalidInput(field, "dispute.text.size");
        }
        return given;
    }

    private void record(Dispute dispute, String actor, String action, String from, String to, String reason) {
        approvals.record(SOURCE, dispute.getId(), actor, from, to, reason);
        events.publishEvent(new DisputeChanged(actor, dispute.getId(), dispute.getPayeeId(), label(dispute), action, from, to, reason));
    }

    private static String label(Dispute dispute) {
        String text = dispute.getText();
        return "#" + dispute.getId() + " " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
