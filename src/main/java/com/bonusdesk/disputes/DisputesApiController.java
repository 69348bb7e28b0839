package com.bonusdesk.disputes;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.SignedAmount;
import com.bonusdesk.workflow.Progress;

/** The disputes and adjustments API: the same services as the screens. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class DisputesApiController {

    private static final int PAGE_SIZE = 50;

    private final Disputes disputes;
    private final Adjustments adjustments;
    private final PersonService people;

    /** The payee opens a dispute on one of their lines or claims, or on neither: 201 with its due date. */
    @PostMapping("/disputes")
    ResponseEntity<DisputeView> open(@Valid @RequestBody DisputeRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        Dispute opened = disputes.open(me.getId(), request.lineId(), request.claimId(), request.text(), null,
                me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + opened.getId())).body(view(opened));
    }

    /** The caller's own disputes; finance sees all, a manager also their reporting line's. */
    @GetMapping("/disputes")
    DisputePage list(@RequestParam(name = "status", required = false) DisputeStatus status,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me) {
        Page<Dispute> found = disputes.listFor(me.getId(), status, null, PageRequest.of(Pages.index(page), PAGE_SIZE));
        return new DisputePage(found.getContent().stream().map(this::view).toList(), found.getNumber(),
                found.getTotalPages(), found.getTotalElements());
    }

    @GetMapping("/disputes/{id}")
    DisputeView dispute(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        return view(disputes.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new));
    }

    /** Finance answers the dispute with an explanation: it is closed. */
    @PostMapping("/disputes/{id}/answer")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    DisputeView answer(@PathVariable long id, @RequestBody AnswerRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        return view(disputes.answer(id, me.getId(), request.text(), me.getUsername()));
    }

    /** Finance resolves the dispute with an adjustment: 201 with the adjustment, the dispute resolved. */
    @PostMapping("/disputes/{id}/adjustment")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ResponseEntity<AdjustmentView> resolve(@PathVariable long id, @Valid @RequestBody AdjustmentRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        Adjustment made = disputes.resolve(id, me.getId(), request.amount(), request.reason(), me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/adjustments/" + made.getId())).body(view(made));
    }

    /** Finance makes an adjustment without a dispute (a correction found by audit). */
    @PostMapping("/adjustments")
    @PreAuthorize("hasRole('FINANCE')")
    ResponseEntity<AdjustmentView> adjust(@Valid @RequestBody PayeeAdjustmentRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        Person payee = people.findByUsername(request.payee() == null ? "" : request.payee().strip())
                .orElseThrow(() -> new Refusal.InvalidInput("payee", "adjustment.payee.unknown"));
        Adjustment made = adjustments.make(payee.getId(), null, request.amount(), request.reason(), me.getId(),
                me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/adjustments/" + made.getId())).body(view(made));
    }

    @GetMapping("/adjustments/{id}")
    AdjustmentView adjustment(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        return view(adjustments.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new));
    }

    /** A general manager approves or rejects an adjustment above the set amount; never one to their own pay. */
    @PostMapping("/adjustments/{id}/decision")
    @MayRefuse(Refusal.WrongState.class)
    AdjustmentView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        String reason = request.checkedReason("claim.reject.reasonRequired");
        return view(adjustments.decide(id, me.getId(), request.approves(), reason, me.getUsername()));
    }

    private DisputeView view(Dispute dispute) {
        AdjustmentView adjustment = adjustments.ofDispute(dispute.getId()).map(this::view).orElse(null);
        return new DisputeView(dispute.getId(), dispute.getStatus(), username(dispute.getPayeeId()),
                dispute.getLineId(), dispute.getClaimId(), dispute.getText(), dispute.getOpenedAt(),
                dispute.getDueOn(), disputes.isOverdue(dispute), disputes.holdOf(dispute).isPresent(),
                dispute.getAnswer(), dispute.getClosedAt(), adjustment);
    }

    private AdjustmentView view(Adjustment adjustment) {
        Progress progress = adjustments.progressOf(adjustment.getId());
        return new AdjustmentView(adjustment.getId(), username(adjustment.getPayeeId()), adjustment.getDisputeId(),
                adjustment.getAmount(), adjustment.getReason(), adjustment.getStatus(),
                username(adjustment.getCreatedBy()), adjustment.getCreatedAt(), progress.approvals(),
                progress.nextStep());
    }

    private String username(long personId) {
        return people.find(personId).map(Person::getUsername).orElse(null);
    }

    record DisputeRequest(Long lineId, Long claimId, String text) {
    }

    record AnswerRequest(String text) {
    }

    record AdjustmentRequest(@SignedAmount BigDecimal amount, String reason) {
    }

    record PayeeAdjustmentRequest(String payee, @SignedAmount BigDecimal amount, String reason) {
    }

    record DisputeView(long id, DisputeStatus status, String payee, Long lineId, Long claimId, String text,
            Instant openedAt, LocalDate dueOn, boolean overdue, boolean lineHeld, String answer, Instant closedAt,
            AdjustmentView adjustment) {
    }

    record DisputePage(List<DisputeView> disputes, int page, int totalPages, long totalElements) {
    }

    record AdjustmentView(long id, String payee, Long disputeId, BigDecimal amount, String reason,
            AdjustmentStatus status, String createdBy, Instant createdAt, List<Progress.Approval> approvals,
            Progress.NextStep nextStep) {
    }
}
