package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.SalesReferralFacts;
import com.bonusdesk.clients.ClientCode;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonCard;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.Chain;
import com.bonusdesk.workflow.Progress;
import com.bonusdesk.web.Evidence;
import com.bonusdesk.workflow.TimelineEvent;

/**
 * Checks and files referral applications, lets HR decide and cancel them, and says who may see or decide
 * which. An approved referral's R4 lines are kept in the ledger like every other line.
 */
@Service
@RequiredArgsConstructor
public class ReferralService {

    static final String SOURCE = "REFERRAL";

    private static final Set<ReferralStatus> LIVE = EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.APPROVED);

    /** The chain of an application dated when no plan version is in force: HR decides. */
    static final Chain CHAIN = Chain.of(new Chain.Step(new Chain.HoldingRole(Role.HR), Money.ZERO));

    static final Approvals.Wording WORDING = new Approvals.Wording("claim.alreadyDecided", "referral.ownReferral",
            "referral.onlyHr");

    private static final Refusal.Reason ALREADY_REFERRED = Approvals.because("ALREADY_REFERRED",
            Explanation.of("reason.ALREADY_REFERRED"));

    private final ReferralRepository referrals;
    private final PersonService people;
    private final BonusRules rules;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReferralMonths months;
    private final ReferralAttachments attachments;
    private final Approvals approvals;
    private final PlanCatalogue plans;
    private final ClientDirectory clients;
    private final ReferrerSuspensions suspensions;

    /** Everything that would refuse the application if filed today, the deadline, and what it would earn. */
    @Transactional(readOnly = true)
    public ReferralCheck check(ReferralFacts facts) {
        LocalDate today = LocalDate.now(clock);
        BonusCalculator calculator = rules.calculator();
        List<Refusal.Reason> refusals = new ArrayList<>();
        if (referrals.existsByClientCodeAndStatusIn(facts.clientCode(), LIVE)) {
            refusals.add(ALREADY_REFERRED);
        }
        String related = facts.relationship().refusal();
        if (related != null) {
            refusals.add(Approvals.because(related, Explanation.of("reason." + related)));
        }
        LocalDate lastOrder = ClientCode.parse(facts.clientCode())
                .map(code -> clients.history(code, facts.clientName(), facts.signedDate(), "").lastOrderBefore())
                .orElse(null);
        BonusResult estimate = earned(calculator, facts, today, Map.of(), lastOrder);
        estimate.reasons().forEach(reason ->
                refusals.add(Approvals.because(reason.code().name(), reason.explanation())));
        return new ReferralCheck(refusals, calculator.referralDeadline(facts.signedDate()).orElse(null), estimate);
    }

    /**
     * Files the application if nothing refuses it; the check is repeated here, so what is saved was checked.
     * Two applications for one client at once: the database keeps the first, and the second is told so.
     */
    public Filing file(ReferralFacts facts, long referrerId, String actor) {
        return file(facts, null, referrerId, actor);
    }

    /** What {@code referrerId}'s application would be refused for today: the facts, and a suspension in force. */
    @Transactional(readOnly = true)
    public ReferralCheck check(ReferralFacts facts, long referrerId) {
        ReferralCheck check = check(facts);
        Optional<ReferrerSuspensions.Suspension> suspended = suspensions.inForce(referrerId);
        if (suspended.isEmpty()) {
            return check;
        }
        List<Refusal.Reason> refusals = new ArrayList<>(check.refusals());
        refusals.add(Approvals.because("REFERRER_SUSPENDED", Explanation.of("reason.REFERRER_SUSPENDED",
                suspended.get().endsOn())));
        return new ReferralCheck(refusals, check.deadline(), check.estimate());
    }

    /** Files the application with its evidence file, if one is given, in one transaction. */
    public Filing file(ReferralFacts facts, Evidence evidence, long referrerId, String actor) {
        ReferralCheck check = check(facts, referrerId);
        Approvals.Registered<Referral> registered = approvals.registerOnce(check.refusals(), () -> {
            Referral saved = referrals.saveAndFlush(new Referral(referrerId, facts, LocalDate.now(clock),
                    check.deadline(), clock.instant()));
            if (evidence != null) {
                attachments.attach(saved.getId(), evidence);
            }
            approvals.open(SOURCE, saved, plans.approvalChainOn(PlanKind.SALES_REFERRAL, facts.signedDate())
                    .orElse(CHAIN), check.estimate().total());
            record(saved, actor, null, saved.getStatus().name(), null);
            return saved;
        }, () -> ALREADY_REFERRED);
        return new Filing(registered.item(), registered.item() != null ? check
                : new ReferralCheck(registered.refusals(), check.deadline(), check.estimate()));
    }

    /** The filed application, or none with the check that refused it. */
    public record Filing(Referral referral, ReferralCheck check) {
    }

    /**
     * Takes the open step of the application's chain (HR, and above the plan's threshold a director); never on
     * one's own application, never two steps of one. The last approval approves it; a rejection ends it.
     */
    @Transactional
    public Referral decide(long referralId, long deciderId, boolean approve, String reason, String actor) {
        Referral referral = visibleTo(referralId, deciderId).orElseThrow(Refusal.NotFound::new);
        Approvals.Turn turn = approvals.requireTurn(SOURCE, referral, approvals.decider(deciderId), WORDING);
        ReferralStatus from = referral.getStatus();
        boolean approved = approvals.decide(turn, approve, reason);
        if (approved) {
            referral.approve(deciderId, reason, clock.instant());
        } else if (!approve) {
            referral.reject(deciderId, reason, clock.instant());
        }
        approvals.commit(referrals, WORDING.decided());
        record(referral, actor, from.name(),
                approve && !approved ? Approvals.STEP_APPROVED : referral.getStatus().name(), reason);
        reconcile(referral);
        return referral;
    }

    /** Where the application's approval chain stands. */
    @Transactional(readOnly = true)
    public Progress progressOf(long referralId) {
        return approvals.progressOf(SOURCE, referralId);
    }

    /**
     * HR cancels an approved referral found false; a reason is required; what it earned is clawed back, and its
     * referrer is suspended from R4 for 12 months.
     */
    @Transactional
    public Referral cancel(long referralId, long deciderId, String reason, String actor) {
        Referral referral = visibleTo(referralId, deciderId).orElseThrow(Refusal.NotFound::new);
        if (!mayCancel(referral, deciderId)) {
            throw new Refusal.NotPermitted(referral.getReferrerId() == deciderId ? WORDING.own() : WORDING.notYours());
        }
        ReferralStatus from = referral.getStatus();
        referral.cancel(deciderId, reason, clock.instant());
        approvals.commit(referrals, WORDING.decided());
        record(referral, actor, from.name(), referral.getStatus().name(), reason);
        reconcile(referral);
        suspensions.suspend(referral, actor);
        return referral;
    }

    /**
     * Records the referred client's contract amount for a month (HR or finance), from the signing month to
     * this one; an approved referral then earns its kicker once three consecutive months are over the plan's
     * threshold, and loses it again if a correction brings them under.
     */
    @Transactional
    public Referral recordMonth(long referralId, YearMonth month, BigDecimal amount, long personId, String actor) {
        Referral referral = visibleTo(referralId, personId).orElseThrow(Refusal.NotFound::new);
        if (!mayRecordMonths(referral, personId)) {
            throw new Refusal.NotPermitted("referral.month.notPermitted");
        }
        if (month.isBefore(YearMonth.from(referral.getSignedDate())) || month.isAfter(YearMonth.now(clock))) {
            throw new Refusal.InvalidInput("month", "referral.month.outside",
                    YearMonth.from(referral.getSignedDate()).toString(), YearMonth.now(clock).toString());
        }
        ledger.lock(SOURCE, referralId);
        BigDecimal before = months.record(referralId, month, amount, actor);
        events.publishEvent(new ReferralMonthRecorded(actor, referralId, label(referral), month.toString(),
                before == null ? null : before.toPlainString(), amount.toPlainString()));
        reconcile(referral);
        return referral;
    }

    /** The evidence file attached to the application, if any; for whoever may see the application. */
    @Transactional(readOnly = true)
    public Optional<Evidence> evidenceOf(long referralId) {
        return attachments.of(referralId);
    }

    @Transactional(readOnly = true)
    public Optional<String> evidenceNameOf(long referralId) {
        return attachments.nameOf(referralId);
    }

    /** The amounts recorded for the referred client, by month. */
    @Transactional(readOnly = true)
    public Map<YearMonth, BigDecimal> monthsOf(long referralId) {
        return months.of(referralId);
    }

    /**
     * HR and finance record a live referral's monthly contract amounts, never of their own referral: the amounts
     * decide its kicker, and nobody records what pays themself.
     */
    @Transactional(readOnly = true)
    public boolean mayRecordMonths(Referral referral, long personId) {
        return (referral.getStatus() == ReferralStatus.SUBMITTED || referral.getStatus() == ReferralStatus.APPROVED)
                && referral.getReferrerId() != personId && people.actsAs(personId, Role.HR, Role.FINANCE);
    }

    /** Whether {@code personId} takes the open step of the application's chain now. */
    @Transactional(readOnly = true)
    public boolean mayDecide(Referral referral, long personId) {
        return approvals.mayDecide(SOURCE, referral, approvals.decider(personId));
    }

    /** HR cancels an approved application, never their own. */
    @Transactional(readOnly = true)
    public boolean mayCancel(Referral referral, long personId) {
        return referral.getReferrerId() != personId && people.actsAs(personId, Role.HR);
    }

    /**
     * An application as {@code viewerId} may see it: their own, their reporting line's, any for HR and finance, and
     * one whose chain they take a step of.
     */
    @Transactional(readOnly = true)
    public Optional<Referral> visibleTo(long referralId, long viewerId) {
        return referrals.findById(referralId).filter(referral -> referral.getReferrerId() == viewerId
                || people.actsAs(viewerId, Role.HR, Role.FINANCE)
                || people.ledBy(viewerId).contains(referral.getReferrerId())
                || approvals.involves(SOURCE, referral, viewerId));
    }

    @Transactional(readOnly = true)
    public Page<Referral> mine(long referrerId, Pageable pageable) {
        return referrals.findByReferrerId(referrerId, pageable);
    }

    /** The applications whose open step {@code personId} takes, oldest first: HR's queue, and a director's. */
    /** How many referrals were approved or rejected, per month and reason, since {@code since}. */
    public record Decisions(String month, ReferralStatus status, String reason, long decided) {
    }

    @Transactional(readOnly = true)
    public List<Decisions> decisionsSince(Instant since) {
        return referrals.decisionsSince(since, clock.getZone().getId()).stream()
                .map(row -> new Decisions(row.getMonth(), ReferralStatus.valueOf(row.getStatus()), row.getReason(),
                        row.getDecided()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<Referral> waitingFor(long personId, Pageable pageable) {
        return approvals.waitingFor(SOURCE, personId, pageable,
                ids -> referrals.findByIdInAndStatusOrderByFiledAtAsc(ids, ReferralStatus.SUBMITTED));
    }

    /** Since when each of {@code waiting} has waited at its step. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> waitingSince(List<Referral> waiting) {
        return approvals.waitingSince(SOURCE, waiting.stream().map(Referral::getId).toList());
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(long referralId) {
        return approvals.timelineOf(SOURCE, referralId);
    }

    @Transactional(readOnly = true)
    public List<Ledger.Line> linesOf(long referralId) {
        return ledger.linesOf(SOURCE, referralId);
    }

    /** The referrers' names, for HR's queue. */
    @Transactional(readOnly = true)
    public Map<Long, PersonCard> referrersOf(List<Referral> shown) {
        return people.cards(shown.stream().map(Referral::getReferrerId).distinct().toList());
    }

    /** What the referral earns: its R4 lines once approved, nothing otherwise (a cancellation reverses them). */
    private void reconcile(Referral referral) {
        ledger.lock(SOURCE, referral.getId());
        List<BonusLine> earned = referral.getStatus() == ReferralStatus.APPROVED
                ? earned(rules.calculator(), facts(referral), referral.getFiledOn(), months.of(referral.getId()), null)
                        .lines()
                : List.of();
        ledger.reconcile(SOURCE, referral.getId(), referral.getReferrerId(), earned);
    }

    /** What an approved referral earns with {@code calculator}: for replaying history through another plan. */
    static BonusResult earnedBy(BonusCalculator calculator, Referral referral, Map<YearMonth, BigDecimal> months) {
        return earned(calculator, facts(referral), referral.getFiledOn(), months, null);
    }

    /**
     * What the application earns filed on {@code filedOn}; {@code clientLastOrderDate} is the ERP's last order of
     * the client before the signing when its newness is still to be judged, null once approval settled it.
     */
    private static BonusResult earned(BonusCalculator calculator, ReferralFacts facts, LocalDate filedOn,
            Map<YearMonth, BigDecimal> monthlyContractAmounts, LocalDate clientLastOrderDate) {
        LocalDate applied = filedOn.isBefore(facts.signedDate()) ? facts.signedDate() : filedOn;
        return calculator.salesReferral(new SalesReferralFacts(facts.signedDate(), applied, facts.contractAmount(),
                facts.clientAnnualSales(), monthlyContractAmounts, clientLastOrderDate));
    }

    private static ReferralFacts facts(Referral referral) {
        return new ReferralFacts(referral.getClientCode(), referral.getClientName(), referral.getContractNumber(),
                referral.getSignedDate(), referral.getContractAmount(), referral.getClientAnnualSales(),
                referral.getRelationship(), referral.getEvidence());
    }

    private void record(Referral referral, String actor, String from, String to, String reason) {
        approvals.record(SOURCE, referral.getId(), actor, from, to, reason);
        events.publishEvent(new ReferralChanged(actor, referral.getId(), label(referral), from, to, reason));
    }

    private static String label(Referral referral) {
        return referral.getContractNumber() + " " + referral.getClientName();
    }
}
