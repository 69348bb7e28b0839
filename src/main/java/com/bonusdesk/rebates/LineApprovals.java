package com.bonusdesk.rebates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.Chain;
import com.bonusdesk.workflow.Progress;

/**
 * Holds a source's computed money until it is approved, when its total is above its plan's threshold. Each
 * computation calls {@link #require}: a total no step of the chain reaches, or one approved already, is payable; any
 * other waits for its chain, its unpaid lines held out of payout runs, and is released once the last step approves.
 */
@Service
@RequiredArgsConstructor
public class LineApprovals {

    static final String SUBJECT = "LINE_APPROVAL";

    private static final Approvals.Wording WORDING = new Approvals.Wording("lineApproval.alreadyDecided",
            "lineApproval.ownPay", "lineApproval.notYourDecision");

    private final LineApprovalRepository approvals;
    private final Approvals workflow;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * After {@code sourceType}/{@code sourceId}'s lines were brought to what the rules say: whether their total
     * needs approval under {@code chain} (none: never), and if so holds them until it is given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void require(String sourceType, long sourceId, long payeeId, Optional<Chain> chain) {
        List<Ledger.Line> lines = ledger.linesOf(sourceType, sourceId);
        BigDecimal total = lines.stream().map(Ledger.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<LineApproval> known = approvals.findBySourceTypeAndSourceIdOrderByIdDesc(sourceType, sourceId);
        String key = "APPROVAL:" + sourceType + ":" + sourceId;
        boolean approved = known.stream().anyMatch(approval -> approval.getStatus() == LineApproval.Status.APPROVED
                && approval.getAmount().compareTo(total) == 0);
        if (chain.isEmpty() || chain.get().stepsFor(total).isEmpty() || approved) {
            known.stream().filter(approval -> approval.getStatus() == LineApproval.Status.WAITING_APPROVAL)
                    .forEach(waiting -> supersede(waiting));
            ledger.releaseFor(key);
            return;
        }
        Optional<LineApproval> waiting = known.stream()
                .filter(approval -> approval.getStatus() == LineApproval.Status.WAITING_APPROVAL).findFirst();
        if (waiting.isEmpty() || waiting.get().getAmount().compareTo(total) != 0) {
            waiting.ifPresent(this::supersede);
            LineApproval opened = approvals.saveAndFlush(new LineApproval(sourceType, sourceId, payeeId, total,
                    clock.instant()));
            workflow.open(SUBJECT, opened, chain.get(), total);
            record(opened, "system", null, opened.getStatus().name(), null);
        }
        lines.stream().filter(line -> line.settlement() == null)
                .forEach(line -> ledger.holdFor(line.id(), key, "waiting for approval " + key));
    }

    /** The approver decides; the last approval releases the held lines, a rejection keeps them held. */
    @Transactional
    public LineApproval decide(long id, boolean approve, String reason, long deciderId, String actor) {
        LineApproval approval = approvals.findById(id).orElseThrow(Refusal.NotFound::new);
        Approvals.Turn turn = workflow.requireTurn(SUBJECT, approval, workflow.decider(deciderId), WORDING);
        LineApproval.Status from = approval.getStatus();
        boolean approved = workflow.decide(turn, approve, reason);
        if (approved || !approve) {
            approval.decide(approve);
        }
        workflow.commit(approvals, WORDING.decided());
        record(approval, actor, from.name(),
                approve && !approved ? Approvals.STEP_APPROVED : approval.getStatus().name(), reason);
        if (approved) {
            ledger.releaseFor(approval.holdKey());
        }
        return approval;
    }

    /** The approvals whose open step {@code personId} takes, oldest first. */
    @Transactional(readOnly = true)
    public List<LineApproval> waitingFor(long personId) {
        return workflow.waitingFor(SUBJECT, personId, Pageable.unpaged(),
                ids -> approvals.findByIdInAndStatusOrderByCreatedAtAsc(ids, LineApproval.Status.WAITING_APPROVAL))
                .getContent();
    }

    @Transactional(readOnly = true)
    public Map<Long, Instant> waitingSince(List<LineApproval> waiting) {
        return workflow.waitingSince(SUBJECT, waiting.stream().map(LineApproval::getId).toList());
    }

    /** The latest approval of a source, if it ever needed one. */
    @Transactional(readOnly = true)
    public Optional<LineApproval> latest(String sourceType, long sourceId) {
        return approvals.findBySourceTypeAndSourceIdOrderByIdDesc(sourceType, sourceId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(LineApproval approval) {
        return ledger.linesOf(approval.getSourceType(), approval.getSourceId());
    }

    @Transactional(readOnly = true)
    public Progress progressOf(long id) {
        return workflow.progressOf(SUBJECT, id);
    }

    private void record(LineApproval approval, String actor, String from, String to, String reason) {
        workflow.record(SUBJECT, approval.getId(), actor, from, to, reason);
        events.publishEvent(new LineApprovalChanged(actor, approval.getId(), approval.getSourceType() + "#"
                + approval.getSourceId() + " " + approval.getAmount().toPlainString(), from, to, reason));
    }

    private void supersede(LineApproval waiting) {
        waiting.supersede();
        workflow.close(SUBJECT, waiting.getId());
    }
}
