package com.bonusdesk.claims;


import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.Pages;

/** Approvers take the open steps of claims at {@code /approvals}: each sees the claims whose next step is theirs. */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'DIRECTOR', 'HR', 'FINANCE')")
@RequiredArgsConstructor
class ApprovalsController {

    private static final int PAGE_SIZE = 20;

    private final ClaimService claims;

    @GetMapping("/approvals")
    String queue(@AuthenticationPrincipal PersonPrincipal me,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Page<Claim> waiting = claims.waitingFor(me.getId(), PageRequest.of(Pages.index(page), PAGE_SIZE));
        model.addAttribute("waiting", waiting);
        model.addAttribute("waitingSince", claims.waitingSince(waiting.getContent()));
        return "claims/approvals";
    }

    @PostMapping("/claims/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        Claim decided = claims.decide(id, me.getId(), request.approves(),
                request.checkedReason("claim.reject.reasonRequired"), me.getUsername());
        redirect.addFlashAttribute("success", !request.approves() ? "claim.rejected"
                : decided.getStatus() == ClaimStatus.APPROVED ? "claim.approved" : "claim.stepApproved");
        return "redirect:/approvals";
    }
}
