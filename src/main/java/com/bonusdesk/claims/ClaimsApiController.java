package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.CancellationRequest;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.PlausibleDate;
import com.bonusdesk.web.SignedAmount;
import com.bonusdesk.workflow.Progress;

/** The claims API: the same services as the screens, for the ERP, scripts and tests. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class ClaimsApiController {

    private static final int PAGE_SIZE = 50;

    private final ClaimService claims;
    private final CollectionService collections;
    private final Ledger ledger;
    private final ExplanationText text;

    @PostMapping("/claims")
    @PreAuthorize(Role.EMPLOYEES)
    @MayRefuse(Refusal.NotEligible.class)
    ResponseEntity<ClaimView> submit(@Valid @RequestBody ClaimForm form, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        if (!form.hasValidClientCode()) {
            throw new Refusal.InvalidInput("clientCode", "claim.clientCode.invalid");
        }
        ClaimView view = view(claims.submit(form.facts(), me.getId(), me.getUsername()).orRefuse(), locale);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + view.id())).body(view);
    }

    @GetMapping("/claims/{id}")
    ClaimView claim(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        return view(claims.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new), locale);
    }

    /** The caller's own claims; for a manager, also those of their reporting line. */
    @GetMapping("/claims")
    ClaimPage list(@RequestParam(name = "status", required = false) ClaimStatus status,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        Page<Claim> found = claims.listFor(me.getId(), me.hasRole(Role.MANAGER), status,
                PageRequest.of(Pages.index(page), PAGE_SIZE, Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"))));
        return new ClaimPage(found.getContent().stream().map(claim -> view(claim, locale)).toList(), found.getNumber(),
                found.getTotalPages(), found.getTotalElements());
    }

    @PostMapping("/claims/{id}/decision")
    @PreAuthorize("hasAnyRole('MANAGER', 'DIRECTOR', 'HR', 'FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ClaimView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        String reason = request.checkedReason("claim.reject.reasonRequired");
        return view(claims.decide(id, me.getId(), request.approves(), reason, me.getUsername()), locale);
    }

    @PostMapping("/claims/{id}/cancellation")
    @MayRefuse(Refusal.WrongState.class)
    ClaimView cancel(@PathVariable long id, @RequestBody CancellationRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        String reason = request.checkedReason();
        return view(claims.cancel(id, me.getId(), reason, me.getUsername()), locale);
    }

    @PostMapping("/claims/{id}/withdrawal")
    @MayRefuse(Refusal.WrongState.class)
    ClaimView withdraw(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        return view(claims.withdraw(id, me.getId(), me.getUsername()), locale);
    }

    @PostMapping("/collections")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ResponseEntity<CollectionView> record(@Valid @RequestBody CollectionRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        if (request.amount().signum() == 0) {
            throw new Refusal.InvalidInput("amount", "collection.amount.zero");
        }
        CollectionService.Recorded recorded = collections.recordBy(me.getId(), request.orderNumber().strip(),
                    request.date(), request.amount(), request.reference().strip(), me.getUsername());
            CollectionRecord saved = recorded.collection();
            CollectionView view = new CollectionView(saved.getId(), saved.getReference(), saved.getOrderNumber(),
                    saved.getReceivedOn(), saved.getAmount(), saved.getRecordedBy(), saved.getRecordedAt(),
                    recorded.newLines().size());
            return ResponseEntity.status(recorded.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }

    @GetMapping("/me/bonus-lines")
    List<LineView> myLines(@RequestParam(name = "from", required = false) LocalDate from,
            @RequestParam(name = "to", required = false) LocalDate to, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        return ledger.linesOfPayee(me.getId(), from == null ? LocalDate.of(2000, 1, 1) : from,
                        to == null ? LocalDate.of(2999, 12, 31) : to).stream()
                .map(line -> LineView.of(line, text, locale)).toList();
    }

    private ClaimView view(Claim claim, Locale locale) {
        List<LineView> lines = LineView.of(claims.linesOf(claim.getId()), text, locale);
        Progress progress = claims.progressOf(claim.getId());
        return new ClaimView(claim.getId(), claim.getStatus(), claim.getClientCode(), claim.getClientName(),
                claim.getOrderNumber(), claim.getOrderDate(), claim.getOrderAmount(), claim.getUnits(),
                claim.isBelowListPrice(), claim.isPackageDeal(), claim.getNote(), claim.getSubmittedAt(),
                claim.getDecisionReason(), lines, LineView.total(lines), progress.approvals(), progress.nextStep());
    }

    record ClaimView(long id, ClaimStatus status, String clientCode, String clientName, String orderNumber,
            LocalDate orderDate, BigDecimal orderAmount, int units, boolean belowListPrice, boolean packageDeal,
            String note, Instant submittedAt, String decisionReason, List<LineView> lines, BigDecimal total,
            List<Progress.Approval> approvals, Progress.NextStep nextStep) {
    }


    record ClaimPage(List<ClaimView> claims, int page, int totalPages, long totalElements) {
    }


    record CollectionRequest(
            @jakarta.validation.constraints.NotBlank(message = "{claim.orderNumber.required}")
            @jakarta.validation.constraints.Size(max = 50, message = "{claim.orderNumber.size}") String orderNumber,
            @jakarta.validation.constraints.NotNull(message = "{estimate.required}") @PlausibleDate LocalDate date,
            @jakarta.validation.constraints.NotNull(message = "{estimate.required}")
            @SignedAmount
            BigDecimal amount,
            @jakarta.validation.constraints.NotBlank(message = "{collection.reference.required}")
            @jakarta.validation.constraints.Size(max = 64, message = "{collection.reference.size}") String reference) {
    }

    record CollectionView(long id, String reference, String orderNumber, LocalDate date, BigDecimal amount,
            String recordedBy, Instant recordedAt, int linesEarned) {
    }
}
