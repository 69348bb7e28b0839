package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.CancellationRequest;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.workflow.Progress;

/** The referrals API: the same services as the screens. */
@RestController
@RequestMapping("/api/v1/referrals")
@RequiredArgsConstructor
class ReferralsApiController {

    private final ReferralService referrals;
    private final ExplanationText text;
    private final Clock clock;
    private final ReferrerSuspensions suspensions;
    private final PersonService people;

    /** Files an application: 201 with its status and deadline, or 422 with every reason it is refused. */
    @PostMapping
    @MayRefuse(Refusal.NotEligible.class)
    ResponseEntity<ReferralView> file(@Valid @RequestBody ReferralForm form, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        form.crossFieldProblem(LocalDate.now(clock)).ifPresent(problem -> {
            throw new Refusal.InvalidInput(List.of(problem));
        });
        ReferralService.Filing filing = referrals.file(form.facts(), me.getId(), me.getUsername());
        if (filing.referral() == null) {
            throw new Refusal.NotEligible(filing.check().refusals());
        }
        ReferralView view = view(filing.referral(), locale);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    ReferralView referral(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        return view(referrals.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new), locale);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('HR', 'DIRECTOR', 'MANAGER', 'FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ReferralView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        String reason = request.checkedReason("claim.reject.reasonRequired");
        return view(referrals.decide(id, me.getId(), request.approves(), reason, me.getUsername()), locale);
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('HR')")
    @MayRefuse(Refusal.WrongState.class)
    ReferralView cancel(@PathVariable long id, @RequestBody CancellationRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        String reason = request.checkedReason();
        return view(referrals.cancel(id, me.getId(), reason, me.getUsername()), locale);
    }

    /** The referrers suspended today (HR, and general managers who read the queue). */
    @GetMapping("/suspensions")
    @PreAuthorize("hasAnyRole('HR', 'DIRECTOR')")
    List<SuspensionView> suspensions() {
        return suspensions.current().stream().map(this::view).toList();
    }

    /** HR lifts a suspension early: 200, or 400 without a reason, 403 for one's own, 409 when not in force. */
    @PostMapping("/suspensions/{id}/lifting")
    @PreAuthorize("hasRole('HR')")
    @MayRefuse(Refusal.WrongState.class)
    SuspensionView lift(@PathVariable long id, @RequestBody CancellationRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        return view(suspensions.lift(id, request.reason(), me.getId(), me.getUsername()));
    }

    private SuspensionView view(ReferrerSuspensions.Suspension suspension) {
        return new SuspensionView(suspension.id(), people.find(suspension.personId()).map(Person::getUsername)
                .orElse(null), suspension.referralId(), suspension.startsOn(), suspension.endsOn(),
                suspension.liftedOn(), suspension.liftedBy(), suspension.liftReason());
    }

    record SuspensionView(long id, String referrer, long referralId, LocalDate since, LocalDate until,
            LocalDate liftedOn, String liftedBy, String liftReason) {
    }

    private ReferralView view(Referral referral, Locale locale) {
        List<LineView> lines = LineView.of(referrals.linesOf(referral.getId()), text, locale);
        Progress progress = referrals.progressOf(referral.getId());
        return new ReferralView(referral.getId(), referral.getStatus(), referral.getClientCode(),
                referral.getClientName(), referral.getContractNumber(), referral.getSignedDate(),
                referral.getContractAmount(), referral.getClientAnnualSales(), referral.getRelationship(),
                referral.getFiledOn(), referral.getDeadline(), referral.getFiledAt(), referral.getDecisionReason(),
                lines, LineView.total(lines), progress.approvals(), progress.nextStep());
    }

    record ReferralView(long id, ReferralStatus status, String clientCode, String clientName, String contractNumber,
            LocalDate signedDate, BigDecimal contractAmount, BigDecimal clientAnnualSales, Relationship relationship,
            LocalDate filedOn, LocalDate deadline, Instant filedAt, String decisionReason, List<LineView> lines,
            BigDecimal total, List<Progress.Approval> approvals, Progress.NextStep nextStep) {
    }


}
