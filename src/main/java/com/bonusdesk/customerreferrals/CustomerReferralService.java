package com.bonusdesk.customerreferrals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.CustomerReferralFacts;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.ReasonCode;
import com.bonusdesk.calendar.CompanyCalendar;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.Chain;
import com.bonusdesk.workflow.Progress;
import com.bonusdesk.workflow.TimelineEvent;

/**
 * Customer referrals (R5): the first visit registered with its referrer, the deal, and the approval chain
 * sales manager → general manager, after which the referring customer is paid. Who may do what is decided here.
 */
@Service
@RequiredArgsConstructor
public class CustomerReferralService {

    static final String SOURCE = "CUSTOMER_REFERRAL";
    /** Approved rewards are paid within this many working days (seed 002). */
    static final int PAYMENT_WORKING_DAYS = 7;

    /**
     * The chain of a deal signed when no plan version is in force: the registrant's sales manager, then a general
     * manager who took no earlier step.
     */
    static final Chain CHAIN = Chain.of(new Chain.Step(new Chain.SubmittersManager(), Money.ZERO),
            new Chain.Step(new Chain.HoldingRole(Role.DIRECTOR), Money.ZERO));

    static final Approvals.Wording WORDING = new Approvals.Wording("claim.alreadyDecided",
            "customerReferral.ownRegistration", "customerReferral.notYourStep");

    private final CustomerReferralRepository referrals;
    private final PersonService people;
    private final BonusRules rules;
    private final CompanyCalendar calendar;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Approvals approvals;
    private final PlanCatalogue plans;

    /** The registration, or none with every reason it was refused. */
    public record Registration(CustomerReferral referral, List<Refusal.Reason> refusals) {
    }

    /**
     * Registers a new customer's first visit with the customer who referred them, on the day of that visit: a
     * registration at a later visit is refused, and so is a visitor registered before (naming who registered
     * them and when), a relative, or the referring customer themselves.
     */
    public Registration register(CustomerReferral.FirstVisit visit, long registrantId, String actor) {
        List<Refusal.Reason> refusals = new ArrayList<>();
        referrals.findByVisitorMobile(visit.visitorMobile()).ifPresent(first -> refusals.add(alreadyRegistered(first)));
        if (visit.firstVisitOn().isBefore(LocalDate.now(clock))) {
            refusals.add(new Refusal.Reason("LATE_REGISTRATION", "reason.LATE_REGISTRATION",
                    List.of(visit.firstVisitOn().toString())));
        }
        String related = visit.visitorMobile().equals(visit.referrerMobile()) ? "SELF_REFERRAL"
                : visit.relationship().refusal();
        if (related != null) {
            refusals.add(new Refusal.Reason(related, "reason.CUSTOMER_" + related, List.of()));
        }
        Approvals.Registered<CustomerReferral> registered = approvals.registerOnce(refusals, () -> {
            CustomerReferral saved = referrals.saveAndFlush(new CustomerReferral(registrantId, visit, clock.instant()));
            record(saved, actor, null, null);
            return saved;
        }, () -> alreadyRegistered(referrals.findByVisitorMobile(visit.visitorMobile()).orElseThrow()));
        return new Registration(registered.item(), registered.refusals());
    }

    /** The registrant records the deal; paid in full, it goes to the sales manager unless it earns nothing. */
    @Transactional
    public CustomerReferral recordDeal(long id, CustomerReferral.Deal deal, long personId, String actor) {
        CustomerReferral referral = visibleTo(id, personId).orElseThrow(Refusal.NotFound::new);
        if (referral.getRegisteredBy() != personId) {
            throw new Refusal.NotPermitted("customerReferral.onlyRegistrant");
        }
        CustomerReferralStatus from = referral.getStatus();
        BonusResult reward = rules.calculator().customerReferral(new CustomerReferralFacts(deal.propertyType(),
                deal.dealAmount(), deal.signedDate(), true));
        referral.recordDeal(deal, reward.eligible());
        if (referral.getStatus() == CustomerReferralStatus.AWAITING_MANAGER) {
            approvals.open(SOURCE, referral, plans.approvalChainOn(PlanKind.CUSTOMER_REFERRAL, deal.signedDate())
                    .orElse(CHAIN), reward.total());
        }
        approvals.commit(referrals, "customerReferral.deal.closed");
        if (from != referral.getStatus()) {
            record(referral, actor, from, null);
        }
        return referral;
    }

    /** Whether the deal as given would earn anything at all (parking and storage do not). */
    @Transactional(readOnly = true)
    public Optional<Explanation> whyNoReward(CustomerReferral.Deal deal) {
        BonusResult reward = rules.calculator().customerReferral(new CustomerReferralFacts(deal.propertyType(),
                deal.dealAmount(), deal.signedDate(), true));
        return reward.reasons().stream().filter(reason -> reason.code() != ReasonCode.NOT_PAID_IN_FULL)
                .map(reason -> reason.explanation()).findFirst();
    }

    /**
     * Takes the open step of the reward's chain (by default the registrant's manager, then a general manager who
     * took no earlier step). The last approval makes the reward due, paid to the referring customer within
     * {@value #PAYMENT_WORKING_DAYS} working days; a rejection ends it.
     */
    @Transactional
    public CustomerReferral decide(long id, boolean approve, String reason, long deciderId, String actor) {
        CustomerReferral referral = visibleTo(id, deciderId).orElseThrow(Refusal.NotFound::new);
        Approvals.Turn turn = approvals.requireTurn(SOURCE, referral, approvals.decider(deciderId), WORDING);
        CustomerReferralStatus from = referral.getStatus();
        boolean approved = approvals.decide(turn, approve, reason);
        if (!approve) {
            referral.reject(deciderId, reason, clock.instant());
        } else if (!approved) {
            referral.advance(deciderId);
        } else {
            long payee = people.externalPayee(referral.getReferrerName(), referral.getReferrerMobile(),
                    referral.getReferrerBankName(), referral.getReferrerBankAccount(), actor);
            LocalDate today = LocalDate.now(clock);
            referral.approve(deciderId, reason, clock.instant(),
                    calendar.snapshot().nthWorkingDayAfter(today, PAYMENT_WORKING_DAYS), payee);
        }
        approvals.commit(referrals, WORDING.decided());
        record(referral, actor, from, reason);
        if (referral.getStatus() == CustomerReferralStatus.APPROVED) {
            ledger.lock(SOURCE, id);
            ledger.reconcile(SOURCE, id, referral.getPayeeId(), earned(referral));
        }
        return referral;
    }

    /** Where the reward's approval chain stands. */
    @Transactional(readOnly = true)
    public Progress progressOf(long id) {
        return approvals.progressOf(SOURCE, id);
    }

    /** Whether {@code personId} takes the reward's open step now. */
    @Transactional(readOnly = true)
    public boolean mayDecide(CustomerReferral referral, long personId) {
        return approvals.mayDecide(SOURCE, referral, approvals.decider(personId));
    }

    /** A customer referral as {@code viewerId} may see it: their own, their line's, or any for directors and finance. */
    @Transactional(readOnly = true)
    public Optional<CustomerReferral> visibleTo(long id, long viewerId) {
        return referrals.findById(id).filter(referral -> referral.getRegisteredBy() == viewerId
                || people.actsAs(viewerId, Role.DIRECTOR, Role.FINANCE)
                || people.ledBy(viewerId).contains(referral.getRegisteredBy())
                || approvals.involves(SOURCE, referral, viewerId));
    }

    @Transactional(readOnly = true)
    public Page<CustomerReferral> mine(long registrantId, Pageable pageable) {
        return referrals.findByRegisteredBy(registrantId, pageable);
    }

    /** The rewards whose open step {@code personId} takes, oldest first. */
    @Transactional(readOnly = true)
    public List<CustomerReferral> waitingFor(long personId) {
        return approvals.waitingFor(SOURCE, personId, Pageable.unpaged(),
                ids -> referrals.findByIdInAndStatusInOrderByRegisteredAtAsc(ids, EnumSet.of(
                        CustomerReferralStatus.AWAITING_MANAGER, CustomerReferralStatus.AWAITING_DIRECTOR)))
                .getContent();
    }

    /** Since when each of {@code waiting} has waited at its step. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> waitingSince(List<CustomerReferral> waiting) {
        return approvals.waitingSince(SOURCE, waiting.stream().map(CustomerReferral::getId).toList());
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(long id) {
        return approvals.timelineOf(SOURCE, id);
    }

    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(long id) {
        return ledger.linesOf(SOURCE, id);
    }

    private List<BonusLine> earned(CustomerReferral referral) {
        return earnedBy(rules.calculator(), referral);
    }

    /** What a referral's deal earns with {@code calculator}: for replaying history through another plan. */
    static List<BonusLine> earnedBy(BonusCalculator calculator, CustomerReferral referral) {
        return calculator.customerReferral(new CustomerReferralFacts(referral.getDealPropertyType(),
                referral.getDealAmount(), referral.getDealSignedDate(), referral.isPaidInFull())).lines();
    }

    private Refusal.Reason alreadyRegistered(CustomerReferral first) {
        String who = people.find(first.getRegisteredBy()).map(Person::getDisplayName).orElse("?");
        return new Refusal.Reason("ALREADY_REGISTERED", "reason.ALREADY_REGISTERED", List.of(who,
                LocalDate.ofInstant(first.getRegisteredAt(), clock.getZone()).toString()));
    }

    private void record(CustomerReferral referral, String actor, CustomerReferralStatus from, String reason) {
        approvals.record(SOURCE, referral.getId(), actor, from, referral.getStatus(), reason);
        events.publishEvent(new CustomerReferralChanged(actor, referral.getId(), referral.getVisitorName() + " ← "
                + referral.getReferrerName(), from == null ? null : from.name(), referral.getStatus().name(), reason));
    }
}
