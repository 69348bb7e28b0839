package com.bonusdesk.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.Collection;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.NewClientFacts;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.clients.ClientCode;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.SearchText;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.Chain;
import com.bonusdesk.workflow.Progress;
import com.bonusdesk.workflow.TimelineEvent;

/** Checks, submits, decides and withdraws claims, and says who may see or decide which. */
@Service
@RequiredArgsConstructor
public class ClaimService {

    static final String SOURCE = "CLAIM";

    private static final Set<ClaimStatus> LIVE = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED);

    /** The chain of a claim dated when no plan version is in force: a manager above its submitter decides. */
    static final Chain CHAIN = Chain.of(new Chain.Step(new Chain.SubmittersManager(), Money.ZERO));

    static final Approvals.Wording WORDING = new Approvals.Wording("claim.alreadyDecided", "claim.ownClaim",
            "claim.notYourDecision");

    private static final Refusal.Reason ALREADY_CLAIMED = Approvals.because("ALREADY_CLAIMED",
            Explanation.of("reason.ALREADY_CLAIMED"));

    private final ClaimRepository claims;
    private final ClientDirectory clients;
    private final PersonService people;
    private final BonusRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CollectionRecordRepository collections;
    private final Ledger ledger;
    private final Approvals approvals;
    private final PlanCatalogue plans;

    /**
     * Everything that would refuse {@code submitterId}'s claim, and what it would earn, without saving anything: the
     * facts, and a claim nobody could approve (no one above the submitter to take a step of the chain).
     */
    @Transactional(readOnly = true)
    public ClaimCheck check(ClaimFacts facts, long submitterId) {
        ClaimCheck check = check(facts);
        OptionalInt stranded = approvals.unapprovableStep(chainOn(facts.orderDate()), check.estimate().total(),
                submitterId);
        if (stranded.isEmpty()) {
            return check;
        }
        List<Refusal.Reason> refusals = new ArrayList<>(check.refusals());
        refusals.add(Approvals.because("NO_APPROVER", Explanation.of("reason.NO_APPROVER", stranded.getAsInt())));
        return new ClaimCheck(refusals, check.estimate());
    }

    /** Everything the facts of a claim would be refused for, and what it would earn, without saving anything. */
    @Transactional(readOnly = true)
    public ClaimCheck check(ClaimFacts facts) {
        List<Refusal.Reason> refusals = new ArrayList<>();
        ClientCode code = ClientCode.parse(facts.clientCode()).orElseThrow();
        ClientDirectory.History history = clients.history(code, facts.clientName(), facts.orderDate(),
                facts.orderNumber());
        if (history.renamed()) {
            refusals.add(Approvals.because("RENAMED_CLIENT",
                    Explanation.of("reason.RENAMED_CLIENT", code.value(), history.knownAs())));
        }
        if (claimedInTheSameSpell(code.value(), facts.orderDate())) {
            refusals.add(ALREADY_CLAIMED);
        } else if (claims.existsByOrderNumberAndStatusIn(facts.orderNumber(), LIVE)) {
            refusals.add(Approvals.because("ALREADY_CLAIMED",
                    Explanation.of("reason.ORDER_ALREADY_CLAIMED", facts.orderNumber())));
        }
        if (facts.orderDate().isAfter(LocalDate.now(clock))) {
            refusals.add(Approvals.because("FUTURE_ORDER", Explanation.of("reason.FUTURE_ORDER", facts.orderDate())));
        }
        BonusResult estimate = rules.calculator().newClient(new NewClientFacts(facts.orderDate(),
                facts.orderAmount(), facts.units(), facts.belowListPrice(), true, facts.packageDeal(),
                history.lastOrderBefore(), List.of(new Collection(facts.orderDate(), facts.orderAmount()))));
        estimate.reasons().forEach(reason ->
                refusals.add(Approvals.because(reason.code().name(), reason.explanation())));
        return new ClaimCheck(refusals, estimate);
    }

    /**
     * Whether a live claim of the client has an order within a year of {@code orderDate}, either way: the same spell
     * of business. A client won back after more than a year without orders is new again and may be claimed again.
     */
    private boolean claimedInTheSameSpell(String clientCode, LocalDate orderDate) {
        return claims.existsByClientCodeAndStatusInAndOrderDateBetween(clientCode, LIVE, orderDate.minusYears(1),
                orderDate.plusYears(1));
    }

    /**
     * Submits the claim if nothing refuses it; the check is repeated here, so what is saved was checked. Two
     * claims for one client at once: the first registered is kept, and the second is told it came second.
     */
    public Submission submit(ClaimFacts facts, long submitterId, String actor) {
        if (!people.actsAs(submitterId, Role.employees())) {
            throw new Refusal.NotPermitted("claim.employeesOnly");
        }
        ClaimCheck check = check(facts, submitterId);
        Approvals.Registered<Claim> registered = approvals.registerOnce(check.refusals(), () -> {
            String client = ClientCode.parse(facts.clientCode()).orElseThrow().value();
            claims.lockClient(client);
            if (claimedInTheSameSpell(client, facts.orderDate())) {
                throw new DuplicateKeyException("A claim of client " + client + " came first");
            }
            Claim saved = claims.saveAndFlush(new Claim(submitterId, facts, clock.instant()));
            approvals.open(SOURCE, saved, chainOn(facts.orderDate()), check.estimate().total());
            record(saved, actor, null, saved.getStatus().name(), null);
            return saved;
        }, () -> ALREADY_CLAIMED);
        return new Submission(registered.item(), registered.item() != null ? check
                : new ClaimCheck(registered.refusals(), check.estimate()));
    }

    /** The saved claim, or none with the check that refused it. */
    public record Submission(Claim claim, ClaimCheck check) {

        /** The claim; refused as not eligible, with every reason, when there is none. */
        public Claim orRefuse() {
            if (claim == null) {
                throw new Refusal.NotEligible(check.refusals());
            }
            return claim;
        }
    }

    /**
     * Takes the open step of the claim's chain as {@code decider}: only the approver the step names may, never the
     * submitter, never one who took an earlier step. A rejection ends the chain; the last approval approves the
     * claim. Two decisions at once: the second is told the claim was already decided.
     */
    @Transactional
    public Claim decide(long claimId, long deciderId, boolean approve, String reason, String actor) {
        Claim claim = visibleTo(claimId, deciderId).orElseThrow(Refusal.NotFound::new);
        Approvals.Turn turn = approvals.requireTurn(SOURCE, claim, approvals.decider(deciderId), WORDING);
        ClaimStatus from = claim.getStatus();
        boolean approved = approvals.decide(turn, approve, reason);
        if (approved) {
            claim.approve(deciderId, reason, clock.instant());
        } else if (!approve) {
            claim.reject(deciderId, reason, clock.instant());
        }
        approvals.commit(claims, WORDING.decided());
        record(claim, actor, from.name(), approve && !approved ? Approvals.STEP_APPROVED : claim.getStatus().name(),
                reason);
        if (approved) {
            reconcile(claim);
        }
        return claim;
    }

    /** Where the claim's approval chain stands. */
    @Transactional(readOnly = true)
    public Progress progressOf(long claimId) {
        return approvals.progressOf(SOURCE, claimId);
    }

    /**
     * Brings the lines of the approved claim on {@code orderNumber}, if any, in line with the money collected
     * on it; returns the lines added.
     */
    @Transactional
    public List<Ledger.Line> reconcileOrder(String orderNumber) {
        return claims.findFirstByOrderNumberAndStatus(orderNumber, ClaimStatus.APPROVED)
                .map(this::reconcile)
                .orElse(List.of());
    }

    /** The approved claim of the order, if there is one: whose R3 count its money may change. */
    @Transactional(readOnly = true)
    public Optional<Claim> approvedClaimOf(String orderNumber) {
        return claims.findFirstByOrderNumberAndStatus(orderNumber, ClaimStatus.APPROVED);
    }

    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(long claimId) {
        return ledger.linesOf(SOURCE, claimId);
    }

    /**
     * What a claim earns from the money collected on its order: nothing unless approved. Approval settled that the client is
     * new and the price acceptable, so the rules are asked only about amounts and dates.
     */
    private List<Ledger.Line> reconcile(Claim claim) {
        ledger.lock(SOURCE, claim.getId());
        if (claim.getStatus() != ClaimStatus.APPROVED) {
            return ledger.reconcile(SOURCE, claim.getId(), claim.getSubmitterId(), List.of());
        }
        List<Collection> received = collections.findByOrderNumberOrderByReceivedOnAscIdAsc(claim.getOrderNumber())
                .stream().map(record -> new Collection(record.getReceivedOn(), record.getAmount())).toList();
        BonusResult earned = rules.calculator().newClient(new NewClientFacts(claim.getOrderDate(),
                claim.getOrderAmount(), claim.getUnits(), claim.isBelowListPrice(), true, claim.isPackageDeal(), null,
                received));
        return ledger.reconcile(SOURCE, claim.getId(), claim.getSubmitterId(), earned.lines());
    }

    /**
     * Cancels an approved claim: its manager line or finance may, never its submitter; a reason is required.
     * Everything it earned is reversed, paid or not.
     */
    @Transactional
    public Claim cancel(long claimId, long cancellerId, String reason, String actor) {
        Claim claim = visibleTo(claimId, cancellerId).orElseThrow(Refusal.NotFound::new);
        if (!mayCancel(claim, cancellerId)) {
            throw new Refusal.NotPermitted("claim.mayNotCancel");
        }
        ClaimStatus from = claim.getStatus();
        claim.cancel(cancellerId, reason, clock.instant());
        approvals.commit(claims, WORDING.decided());
        record(claim, actor, from.name(), claim.getStatus().name(), reason);
        reconcile(claim);
        return claim;
    }

    @Transactional(readOnly = true)
    public boolean mayCancel(Claim claim, long personId) {
        if (claim.getSubmitterId() == personId) {
            return false;
        }
        Set<Role> roles = people.rolesInForce(personId);
        return roles.contains(Role.FINANCE) || roles.contains(Role.MANAGER)
                && people.reportingLineOf(personId).contains(claim.getSubmitterId());
    }

    @Transactional
    public Claim withdraw(long claimId, long submitterId, String actor) {
        Claim claim = visibleTo(claimId, submitterId).orElseThrow(Refusal.NotFound::new);
        if (claim.getSubmitterId() != submitterId) {
            throw new Refusal.NotPermitted("claim.onlySubmitterWithdraws");
        }
        ClaimStatus from = claim.getStatus();
        claim.withdraw();
        approvals.close(SOURCE, claimId);
        approvals.commit(claims, WORDING.decided());
        record(claim, actor, from.name(), claim.getStatus().name(), null);
        return claim;
    }

    /**
     * A claim as {@code viewer} may see it: their own, their reporting line's, any for finance and admin, and one
     * whose chain they take a step of.
     */
    @Transactional(readOnly = true)
    public Optional<Claim> visibleTo(long claimId, long viewerId) {
        return claims.findById(claimId).filter(claim -> maySee(claim, viewerId));
    }

    @Transactional(readOnly = true)
    public Page<Claim> mine(long submitterId, ClaimStatus status, YearMonth month, String query, Pageable pageable) {
        String pattern = SearchText.isBlank(query) ? "%" : SearchText.containsPattern(query);
        LocalDate from = month == null ? LocalDate.of(1900, 1, 1) : month.atDay(1);
        LocalDate to = month == null ? LocalDate.of(2999, 12, 31) : month.atEndOfMonth();
        return claims.findMine(submitterId, status, from, to, pattern, pageable);
    }

    /** The claims an API caller lists: their own, and for a manager also their reporting line's. */
    @Transactional(readOnly = true)
    public Page<Claim> listFor(long personId, boolean manager, ClaimStatus status, Pageable pageable) {
        Set<Long> submitters = new HashSet<>(manager ? people.reportingLineOf(personId) : Set.of());
        submitters.add(personId);
        return claims.findBySubmitters(submitters, status, pageable);
    }

    /** What a manager needs to decide: the client's order history and what the claim would earn. */
    public record DecisionFacts(ClientDirectory.History history, BonusResult estimate) {
    }

    @Transactional(readOnly = true)
    public DecisionFacts decisionFacts(Claim claim) {
        ClientDirectory.History history = clients.history(ClientCode.parse(claim.getClientCode()).orElseThrow(),
                claim.getClientName(), claim.getOrderDate(), claim.getOrderNumber());
        BonusResult estimate = rules.calculator().newClient(new NewClientFacts(claim.getOrderDate(),
                claim.getOrderAmount(), claim.getUnits(), claim.isBelowListPrice(), true, claim.isPackageDeal(),
                history.lastOrderBefore(), List.of(new Collection(claim.getOrderDate(), claim.getOrderAmount()))));
        return new DecisionFacts(history, estimate);
    }

    /** The approval chain of the new-client plan in force on {@code orderDate}. */
    private Chain chainOn(LocalDate orderDate) {
        return plans.approvalChainOn(PlanKind.NEW_CLIENT, orderDate).orElse(CHAIN);
    }

    /** Whether an order of this number is known: the ERP sent it, or a claim names it. */
    @Transactional(readOnly = true)
    public boolean knowsOrder(String orderNumber) {
        return claims.existsByOrderNumber(orderNumber) || clients.knowsOrder(orderNumber);
    }

    /** Whether {@code personId} submitted a live claim of the order: money on it would pay them. */
    @Transactional(readOnly = true)
    public boolean claimedBy(String orderNumber, long personId) {
        return claims.existsByOrderNumberAndSubmitterIdAndStatusIn(orderNumber, personId, LIVE);
    }

    /** How many of a salesperson's claims are waiting for a decision. */
    @Transactional(readOnly = true)
    public long submittedBy(long submitterId) {
        return claims.countBySubmitterIdAndStatus(submitterId, ClaimStatus.SUBMITTED);
    }

    /** The claims whose open step {@code personId} takes, oldest first. */
    @Transactional(readOnly = true)
    public Page<Claim> waitingFor(long personId, Pageable pageable) {
        return approvals.waitingFor(SOURCE, personId, pageable,
                ids -> claims.findByIdInAndStatusOrderBySubmittedAtAsc(ids, ClaimStatus.SUBMITTED));
    }

    /** Since when each of {@code waiting} has waited for its decision. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> waitingSince(List<Claim> waiting) {
        return approvals.waitingSince(SOURCE, waiting.stream().map(Claim::getId).toList());
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(long claimId) {
        return approvals.timelineOf(SOURCE, claimId);
    }

    /** Whether {@code deciderId} takes the open step of the claim's chain now. */
    @Transactional(readOnly = true)
    public boolean mayDecide(Claim claim, long deciderId) {
        return approvals.mayDecide(SOURCE, claim, approvals.decider(deciderId));
    }

    private boolean maySee(Claim claim, long viewerId) {
        if (claim.getSubmitterId() == viewerId) {
            return true;
        }
        return people.actsAs(viewerId, Role.FINANCE, Role.ADMIN)
                || people.ledBy(viewerId).contains(claim.getSubmitterId())
                || approvals.involves(SOURCE, claim, viewerId);
    }

    private void record(Claim claim, String actor, String from, String to, String reason) {
        approvals.record(SOURCE, claim.getId(), actor, from, to, reason);
        events.publishEvent(new ClaimChanged(actor, claim.getId(), claim.getOrderNumber() + " " + claim.getClientName(),
                from, to, reason));
    }
}
