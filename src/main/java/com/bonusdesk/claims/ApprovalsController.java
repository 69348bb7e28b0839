package com.bonusdesk.claims;

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

/** Managers decide the claims of their reporting line at {@code /approvals}. */
@Controller
@PreAuthorize("hasRole('MANAGER')")
@RequiredArgsConstructor
class ApprovalsController {

    private static final int MAX_REASON = 1000;

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
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            redirect.addFlashAttribute("failure", "claim.decision.unknown");
            return "redirect:/claims/" + id;
        }
        boolean approve = "APPROVE".equals(decision);
        String why = reason.strip();
        if (!approve && why.isEmpty()) {
            redirect.addFlashAttribute("failure", "claim.reject.reasonRequired");
            return "redirect:/claims/" + id;
        }
        if (why.length() > MAX_REASON) {
            redirect.addFlashAttribute("failure", "claim.reason.size");
            return "redirect:/claims/" + id;
        }
        try {
            claims.decide(id, me.getId(), approve, why.isEmpty() ? null : why, me.getUsername());
            redirect.addFlashAttribute("success", approve ? "claim.approved" : "claim.rejected");
        } catch (ClaimDecidedException e) {
            redirect.addFlashAttribute("failure", "claim.alreadyDecided");
        }
        return "redirect:/approvals";
    }
}
