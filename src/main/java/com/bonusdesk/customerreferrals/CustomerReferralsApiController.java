package com.bonusdesk.customerreferrals;

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

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.workflow.Progress;

/** The customer-referral API: the same services as the screens. */
@RestController
@RequestMapping("/api/v1/customer-referrals")
@RequiredArgsConstructor
class CustomerReferralsApiController {

    private final CustomerReferralService referrals;
    private final ExplanationText text;
    private final Clock clock;

    /** Registers a first visit: 201, or 422 with every reason it is refused. */
    @PostMapping
    @PreAuthorize("hasRole('SALES')")
    @MayRefuse(Refusal.NotEligible.class)
    ResponseEntity<CustomerReferralView> register(@Valid @RequestBody FirstVisitForm form,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        form.crossFieldProblem(today).ifPresent(problem -> {
            throw new Refusal.InvalidInput(List.of(problem));
        });
        CustomerReferralService.Registration registration = referrals.register(form.visit(today), me.getId(),
                me.getUsername());
        if (registration.referral() == null) {
            throw new Refusal.NotEligible(registration.refusals());
        }
        CustomerReferralView view = view(registration.referral(), locale);
        return ResponseEntity.created(URI.create("/api/v1/customer-referrals/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    CustomerReferralView referral(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        return view(referrals.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new), locale);
    }

    /** The registrant records the deal: signed, and later paid in full. */
    @PostMapping("/{id}/deal")
    @PreAuthorize("hasRole('SALES')")
    @MayRefuse(Refusal.WrongState.class)
    CustomerReferralView deal(@PathVariable long id, @Valid @RequestBody DealForm form,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        boolean earnsAReward = referrals.whyNoReward(form.deal()).isEmpty();
        form.crossFieldProblem(LocalDate.now(clock), earnsAReward).ifPresent(problem -> {
            throw new Refusal.InvalidInput(List.of(problem));
        });
        return view(referrals.recordDeal(id, form.deal(), me.getId(), me.getUsername()), locale);
    }

    /** One step of the approval chain: the sales manager, then the general manager. */
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('MANAGER', 'DIRECTOR', 'HR', 'FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    CustomerReferralView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        String reason = request.checkedReason("claim.reject.reasonRequired");
        return view(referrals.decide(id, request.approves(), reason, me.getId(), me.getUsername()), locale);
    }

    private CustomerReferralView view(CustomerReferral referral, Locale locale) {
        List<LineView> lines = LineView.of(referrals.linesOf(referral.getId()), text, locale);
        Progress progress = referrals.progressOf(referral.getId());
        return new CustomerReferralView(referral.getId(), referral.getStatus(), referral.getVisitorName(),
                referral.getVisitorMobile(), referral.getReferrerName(), referral.getReferrerMobile(),
                referral.getPropertyType(), referral.getRegisteredAt(), referral.getDealContractNumber(),
                referral.getDealSignedDate(), referral.getDealAmount(), referral.isPaidInFull(), referral.getDueOn(),
                lines, LineView.total(lines), progress.approvals(), progress.nextStep());
    }

    record CustomerReferralView(long id, CustomerReferralStatus status, String visitorName, String visitorMobile,
            String referrerName, String referrerMobile, PropertyType propertyType, Instant registeredAt,
            String dealContractNumber, LocalDate dealSignedDate, BigDecimal dealAmount, boolean paidInFull,
            LocalDate dueOn, List<LineView> lines, BigDecimal total, List<Progress.Approval> approvals,
            Progress.NextStep nextStep) {
    }
}
