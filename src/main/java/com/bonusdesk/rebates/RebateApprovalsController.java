package com.bonusdesk.rebates;

import java.util.List;

import lombok.RequiredArgsConstructor;
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
import com.bonusdesk.people.PersonService;
import com.bonusdesk.web.DecisionRequest;

/**
 * General managers approve, at {@code /rebate-approvals}, the key-account subsidies and dealer rebates above their
 * plan's threshold, each with the amount it came to and how long it has waited.
 */
@Controller
@PreAuthorize("hasAnyRole('DIRECTOR', 'MANAGER', 'FINANCE', 'HR')")
@RequiredArgsConstructor
class RebateApprovalsController {

    private final LineApprovals approvals;
    private final PersonService people;

    @GetMapping("/rebate-approvals")
    String queue(@AuthenticationPrincipal PersonPrincipal me, Model model) {
        List<LineApproval> waiting = approvals.waitingFor(me.getId());
        model.addAttribute("waiting", waiting);
        model.addAttribute("waitingSince", approvals.waitingSince(waiting));
        model.addAttribute("payees", people.cards(waiting.stream().map(LineApproval::getPayeeId).distinct().toList()));
        return "rebates/approvals";
    }

    @PostMapping("/rebate-approvals/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        LineApproval decided = approvals.decide(id, request.approves(),
                request.checkedReason("claim.reject.reasonRequired"), me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "lineApproval.decided." + decided.getStatus());
        return "redirect:/rebate-approvals";
    }
}
