package com.bonusdesk.claims;

import java.util.Optional;

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
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.InvalidInputException;

/** Managers decide the claims of their reporting line at {@code /approvals}. */
@Controller
@PreAuthorize("hasRole('MANAGER')")
@RequiredArgsConstructor
class ApprovalsController {

    private final ClaimService claims;

    @GetMapping("/approvals")
    String queue(@AuthenticationPrincipal PersonPrincipal me, Model model) {
        model.addAttribute("waiting", claims.waitingFor(me.getId()));
        return "claims/approvals";
    }

    @PostMapping("/claims/{id}/decision")
    String decide(@PathVariable long id, @RequestParam("decision") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        Optional<InvalidInputException.FieldProblem> problem = request.problem("claim.reject.reasonRequired");
        if (problem.isPresent()) {
            redirect.addFlashAttribute("failure", problem.get().key());
            return "redirect:/claims/" + id;
        }
        try {
            claims.decide(id, me.getId(), request.approves(), request.trimmedReason(), me.getUsername());
            redirect.addFlashAttribute("success", request.approves() ? "claim.approved" : "claim.rejected");
        } catch (ClaimDecidedException e) {
            redirect.addFlashAttribute("failure", "claim.alreadyDecided");
        }
        return "redirect:/approvals";
    }
}
