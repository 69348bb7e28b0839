package com.bonusdesk.customerreferrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.CustomerReferralFacts;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.ReasonCode;
import com.bonusdesk.calendar.CompanyCalendar;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.refusal.Refusal;

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

    private final CustomerReferralRepository referrals;
    private final CustomerReferralEventRepository timeline;
    private final PersonService people;
    private final BonusRules rules;
    private final CompanyCalendar calendar;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

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
        if (!refusals.isEmpty()) {
            return new Registration(null, refusals);
        }
        try {
            return new Registration(transactions.execute(status -> {
                CustomerReferral saved = referrals.saveAndFlush(new CustomerReferral(registrantId, visit, clock.instant()));
                record(saved, actor, null, null);
                return saved;
            }), List.of());
        } catch (DataIntegrityViolationException e) {
            return new Registration(null, List.of(alreadyRegistered(
                    referrals.findByVisitorMobile(visit.visitorMobile()).orElseThrow(() -> e))));
        }
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
        flush();
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
     * One step of the approval chain: the registrant's manager first, then a general manager who is neither
     * the registrant nor that manager. The general manager's approval makes the reward due, paid to the
     * referring customer within {@value #PAYMENT_WORKING_DAYS} working days.
     */
    @Transactional
    public CustomerReferral decide(long id, boolean approve, String reason, long deciderId, String actor) {
        CustomerReferral referral = visibleTo(id, deciderId).orElseThrow(Refusal.NotFound::new);
        if (!referral.getStatus().awaitsDecision()) {
            throw new Refusal.WrongState("claim.alreadyDecided");
        }
        if (!mayDecide(referral, deciderId)) {
            throw new Refusal.NotPermitted(referral.getRegisteredBy() == deciderId ? "customerReferral.ownRegistration"
                    : "customerReferral.notYourStep");
        }
        CustomerReferralStatus from = referral.getStatus();
        if (!approve) {
            referral.reject(deciderId, reason, clock.instant());
        } else if (from == CustomerReferralStatus.AWAITING_MANAGER) {
            referral.approveAsManager(deciderId);
        } else {
            long payee = people.externalPayee(referral.getReferrerName(), referral.getReferrerMobile(),
                    referral.getReferrerBankName(), referral.getReferrerBankAccount(), actor);
            LocalDate today = LocalDate.now(clock);
            referral.approveAsDirector(deciderId, reason, clock.instant(),
                    calendar.snapshot().nthWorkingDayAfter(today, PAYMENT_WORKING_DAYS), payee);
        }
        flush();
        record(referral, actor, from, reason);
        if (referral.getStatus() == CustomerReferralStatus.APPROVED) {
            ledger.lock(SOURCE, id);
            ledger.reconcile(SOURCE, id, referral.getPayeeId(), earned(referral));
        }
        return referral;
    }

    @Transactional(readOnly = true)
    public boolean mayDecide(CustomerReferral referral, long personId) {
        return people.find(personId).filter(Person::isActive)
                .map(person -> mayDecide(referral, person, people.reportingLineOf(personId)))
                .orElse(false);
    }

    /** The rule of the chain, for a person whose reporting line is already known. */
    private static boolean mayDecide(CustomerReferral referral, Person person, Set<Long> reportingLine) {
        if (referral.getRegisteredBy() == person.getId()) {
            return false;
        }
        return switch (referral.getStatus()) {
            case AWAITING_MANAGER -> person.hasRole(Role.MANAGER) && reportingLine.contains(referral.getRegisteredBy());
            case AWAITING_DIRECTOR -> person.hasRole(Role.DIRECTOR)
                    && !person.getId().equals(referral.getManagerApprovedBy());
            default -> false;
        };
    }

    /** A customer referral as {@code viewerId} may see it: their own, their line's, or any for directors and finance. */
    @Transactional(readOnly = true)
    public Optional<CustomerReferral> visibleTo(long id, long viewerId) {
        return referrals.findById(id).filter(referral -> referral.getRegisteredBy() == viewerId
                || people.find(viewerId).filter(viewer -> viewer.hasRole(Role.DIRECTOR) || viewer.hasRole(Role.FINANCE))
                        .isPresent()
                || people.reportingLineOf(viewerId).contains(referral.getRegisteredBy()));
    }

    @Transactional(readOnly = true)
    public Page<CustomerReferral> mine(long registrantId, Pageable pageable) {
        return referrals.findByRegisteredBy(registrantId, pageable);
    }

    /** What waits for {@code personId}: a manager's line at the first step, every second step for a director. */
    @Transactional(readOnly = true)
    public List<CustomerReferral> waitingFor(long personId) {
        Optional<Person> person = people.find(personId).filter(Person::isActive);
        if (person.isEmpty()) {
            return List.of();
        }
        Set<Long> line = people.reportingLineOf(personId);
        List<CustomerReferral> waiting = new ArrayList<>();
        if (person.get().hasRole(Role.MANAGER) && !line.isEmpty()) {
            waiting.addAll(referrals.findByRegisteredByInAndStatusOrderByRegisteredAtAsc(line,
                    CustomerReferralStatus.AWAITING_MANAGER));
        }
        if (person.get().hasRole(Role.DIRECTOR)) {
            waiting.addAll(referrals.findByStatusOrderByRegisteredAtAsc(CustomerReferralStatus.AWAITING_DIRECTOR));
        }
        return waiting.stream().filter(referral -> mayDecide(referral, person.get(), line)).toList();
    }

    @Transactional(readOnly = true)
    public List<CustomerReferralEvent> timelineOf(long id) {
        return timeline.findByCustomerReferralIdOrderByIdAsc(id);
    }

    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(long id) {
        return ledger.linesOf(SOURCE, id);
    }

    private List<BonusLine> earned(CustomerReferral referral) {
        return rules.calculator().customerReferral(new CustomerReferralFacts(referral.getDealPropertyType(),
                referral.getDealAmount(), referral.getDealSignedDate(), referral.isPaidInFull())).lines();
    }

    private Refusal.Reason alreadyRegistered(CustomerReferral first) {
        String who = people.find(first.getRegisteredBy()).map(Person::getDisplayName).orElse("?");
        return new Refusal.Reason("ALREADY_REGISTERED", "reason.ALREADY_REGISTERED", List.of(who,
                LocalDate.ofInstant(first.getRegisteredAt(), clock.getZone()).toString()));
    }

    private void flush() {
        try {
            referrals.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new Refusal.WrongState("claim.alreadyDecided");
        }
    }

    private void record(CustomerReferral referral, String actor, CustomerReferralStatus from, String reason) {
        timeline.save(new CustomerReferralEvent(referral.getId(), clock.instant(), actor, from, referral.getStatus(),
                reason));
        events.publishEvent(new CustomerReferralChanged(actor, referral.getId(), referral.getVisitorName() + " ← "
                + referral.getReferrerName(), from == null ? null : from.name(), referral.getStatus().name(), reason));
    }
}
