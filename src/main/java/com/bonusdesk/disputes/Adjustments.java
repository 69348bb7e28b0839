package com.bonusdesk.disputes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.Chain;
import com.bonusdesk.workflow.Progress;
import com.bonusdesk.workflow.TimelineEvent;

/**
 * Makes and decides adjustments. Finance makes one for anyone but themselves; up to the set amount (either way)
 * it is approved at once, above it a general manager who is neither its maker nor its payee approves it. An
 * approved adjustment is one ledger line of rule {@code ADJUSTMENT}, paid in the next weekly run.
 */
@Service
@RequiredArgsConstructor
public class Adjustments {

    static final String SOURCE = "ADJUSTMENT";

    /** The plan version a ledger line records; an adjustment belongs to no plan. */
    private static final String NO_PLAN = "—";

    private static final int MAX_REASON = 1000;

    /** The second person an adjustment above the set amount needs. */
    static final Chain CHAIN = Chain.of(new Chain.Step(new Chain.HoldingRole(Role.DIRECTOR), Money.ZERO));

    static final Approvals.Wording WORDING = new Approvals.Wording("adjustment.alreadyDecided",
            "adjustment.ownAdjustment", "adjustment.notYourDecision");

    private final AdjustmentRepository adjustments;
    private final PersonService people;
    private final Ledger ledger;
    private final Approvals approvals;
    private final DisputeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Makes an adjustment to {@code payeeId}'s pay, from a dispute or without one. Refused: anyone but finance
     * (403), one's own pay (403), an amount of zero or out of range and a missing reason (400).
     */
    @Transactional
    public Adjustment make(long payeeId, Long disputeId, BigDecimal amount, String reason, long makerId, String actor) {
        if (!people.actsAs(makerId, Role.FINANCE)) {
            throw new Refusal.NotPermitted("adjustment.financeOnly");
        }
        if (makerId == payeeId) {
            throw new Refusal.NotPermitted("adjustment.ownPay");
        }
        BigDecimal checked = checkedAmount(amount);
        String why = checkedReason(reason);
        boolean needsApproval = checked.abs().compareTo(properties.approvalAbove()) > 0;
        Adjustment made = adjustments.saveAndFlush(new Adjustment(payeeId, disputeId, checked, why, needsApproval,
                makerId, clock.instant()));
        if (needsApproval) {
            approvals.open(SOURCE, made, CHAIN, checked.abs());
        } else {
            pay(made);
        }
        record(made, actor, null, why);
        return made;
    }

    /**
     * Takes the approval step of an adjustment waiting for it: a general manager, never its maker, never its
     * payee. Approved, its line is written; rejected, nothing is paid.
     */
    @Transactional
    public Adjustment decide(long id, long deciderId, boolean approve, String reason, String actor) {
        Adjustment adjustment = visibleTo(id, deciderId).orElseThrow(Refusal.NotFound::new);
        if (adjustment.getPayeeId() == deciderId) {
            throw new Refusal.NotPermitted("adjustment.ownPay");
        }
        Approvals.Turn turn = approvals.requireTurn(SOURCE, adjustment, approvals.decider(deciderId), WORDING);
        AdjustmentStatus from = adjustment.getStatus();
        boolean approved = approvals.decide(turn, approve, reason);
        if (approved) {
            adjustment.approve(deciderId, reason, clock.instant());
        } else if (!approve) {
            adjustment.reject(deciderId, reason, clock.instant());
        }
        approvals.commit(adjustments, WORDING.decided());
        if (approved) {
            pay(adjustment);
        }
        record(adjustment, actor, from, reason);
        return adjustment;
    }

    /** An adjustment as {@code viewerId} may see it: finance and general managers see all, a payee their own. */
    @Transactional(readOnly = true)
    public Optional<Adjustment> visibleTo(long id, long viewerId) {
        return adjustments.findById(id).filter(adjustment -> adjustment.getPayeeId() == viewerId
                || people.actsAs(viewerId, Role.FINANCE, Role.DIRECTOR));
    }

    @Transactional(readOnly = true)
    public Optional<Adjustment> ofDispute(long disputeId) {
        return adjustments.findByDisputeId(disputeId);
    }

    @Transactional(readOnly = true)
    public Page<Adjustment> latest(Pageable pageable) {
        return adjustments.findAllByOrderByIdDesc(pageable);
    }

    /** The adjustments whose approval {@code personId} gives, oldest first. */
    @Transactional(readOnly = true)
    public List<Adjustment> waitingFor(long personId) {
        return approvals.waitingFor(SOURCE, personId, Pageable.unpaged(),
                ids -> adjustments.findByIdInAndStatusOrderByCreatedAtAsc(ids, AdjustmentStatus.WAITING_APPROVAL))
                .stream().filter(adjustment -> adjustment.getPayeeId() != personId).toList();
    }

    @Transactional(readOnly = true)
    public boolean mayDecide(Adjustment adjustment, long personId) {
        return adjustment.getPayeeId() != personId
                && approvals.mayDecide(SOURCE, adjustment, approvals.decider(personId));
    }

    @Transactional(readOnly = true)
    public Progress progressOf(long id) {
        return approvals.progressOf(SOURCE, id);
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(long id) {
        return approvals.timelineOf(SOURCE, id);
    }

    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(long id) {
        return ledger.linesOf(SOURCE, id);
    }

    /** Writes the adjustment's one line, earned today; writing it again adds nothing. */
    private void pay(Adjustment adjustment) {
        ledger.lock(SOURCE, adjustment.getId());
        Explanation why = adjustment.getDisputeId() == null
                ? Explanation.of("explain.ADJUSTMENT", adjustment.getReason())
                : Explanation.of("explain.ADJUSTMENT.dispute", String.valueOf(adjustment.getDisputeId()),
                        adjustment.getReason());
        ledger.reconcile(SOURCE, adjustment.getId(), adjustment.getPayeeId(), List.of(new BonusLine(
                RuleCode.ADJUSTMENT, adjustment.getAmount(), NO_PLAN, LocalDate.now(clock), why)));
    }

    private static BigDecimal checkedAmount(BigDecimal amount) {
        if (amount == null || amount.signum() == 0) {
            throw new Refusal.InvalidInput("amount", "adjustment.amount.required");
        }
        if (amount.abs().compareTo(Money.MAX) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new Refusal.InvalidInput("amount", "adjustment.amount.range");
        }
        return Money.cents(amount);
    }

    static String checkedReason(String reason) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            throw new Refusal.InvalidInput("reason", "adjustment.reason.required");
        }
        if (given.length() > MAX_REASON) {
            throw new Refusal.InvalidInput("reason", "claim.reason.size");
        }
        return given;
    }

    private void record(Adjustment adjustment, String actor, AdjustmentStatus from, String reason) {
        approvals.record(SOURCE, adjustment.getId(), actor, from, adjustment.getStatus(), reason);
        events.publishEvent(new AdjustmentChanged(actor, adjustment.getId(),
                Money.show(adjustment.getAmount()) + " → " + people.find(adjustment.getPayeeId())
                        .map(Person::getUsername).orElse("?"),
                from == null ? null : from.name(), adjustment.getStatus().name(), reason));
    }
}
