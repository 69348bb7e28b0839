package com.bonusdesk.claims;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.CancellationRequest;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.Refusals;

/** Salespeople's claims: "My claims", a new claim checked before it is saved, and each claim's page. */
@Controller
@RequestMapping("/claims")
@RequiredArgsConstructor
class ClaimsController {

    private static final int PAGE_SIZE = 20;

    private final ClaimService claims;
    private final ExplanationText text;
    private final Refusals refusals;

    @GetMapping
    @PreAuthorize(Role.EMPLOYEES)
    String mine(@AuthenticationPrincipal PersonPrincipal me,
            @RequestParam(name = "status", required = false) ClaimStatus status,
            @RequestParam(name = "month", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("month", month);
        model.addAttribute("claims", claims.mine(me.getId(), status, month, query,
                PageRequest.of(Pages.index(page), PAGE_SIZE, Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id")))));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("q", query == null ? "" : query.strip());
        return "claims/list";
    }

    @GetMapping("/new")
    @PreAuthorize(Role.EMPLOYEES)
    String newClaim(Model model) {
        model.addAttribute("claim", new ClaimForm());
        return "claims/form";
    }

    /** "Check" shows what would refuse the claim and what it would earn; "Submit" saves it if nothing refuses it. */
    @PostMapping("/new")
    @PreAuthorize(Role.EMPLOYEES)
    String submit(@Valid @ModelAttribute("claim") ClaimForm form, BindingResult result,
            @RequestParam(name = "action", defaultValue = "check") String action,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("clientCode") && !form.hasValidClientCode()) {
            result.rejectValue("clientCode", "claim.clientCode.invalid");
        }
        if (result.hasErrors()) {
            return "claims/form";
        }
        if (!"submit".equals(action)) {
            show(claims.check(form.facts(), me.getId()), locale, model);
            return "claims/form";
        }
        ClaimService.Submission submission = claims.submit(form.facts(), me.getId(), me.getUsername());
        if (submission.claim() == null) {
            show(submission.check(), locale, model);
            return "claims/form";
        }
        redirect.addFlashAttribute("success", "claim.submitted");
        redirect.addFlashAttribute("successArgs", List.of(form.getClientName()));
        return "redirect:/claims/" + submission.claim().getId();
    }

    @GetMapping("/{id}")
    String claim(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model) {
        Claim claim = claims.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("claim", claim);
        model.addAttribute("timeline", claims.timelineOf(id));
        model.addAttribute("progress", claims.progressOf(id));
        model.addAttribute("mine", claim.getSubmitterId() == me.getId());
        model.addAttribute("disputable", claim.getSubmitterId() == me.getId());
        boolean mayDecide = claims.mayDecide(claim, me.getId());
        model.addAttribute("mayDecide", mayDecide);
        model.addAttribute("mayCancel", claim.getStatus() == ClaimStatus.APPROVED && claims.mayCancel(claim, me.getId()));
        if (claim.getStatus() == ClaimStatus.SUBMITTED && mayDecide) {
            ClaimService.DecisionFacts facts = claims.decisionFacts(claim);
            model.addAttribute("history", facts.history());
            model.addAttribute("estimate", facts.estimate());
            model.addAttribute("reasons", facts.estimate().reasons().stream()
                    .map(reason -> text.of(reason.explanation(), locale)).toList());
        }
        model.addAllAttributes(LineView.forPage(claims.linesOf(id), text, locale));
        return "claims/detail";
    }

    @PostMapping("/{id}/cancellation")
    String cancel(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        claims.cancel(id, me.getId(), new CancellationRequest(reason).checkedReason(), me.getUsername());
        redirect.addFlashAttribute("success", "claim.cancelled");
        return "redirect:/claims/" + id;
    }

    @PostMapping("/{id}/withdrawal")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        claims.withdraw(id, me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "claim.withdrawn");
        return "redirect:/claims/" + id;
    }

    private void show(ClaimCheck check, Locale locale, Model model) {
        model.addAttribute("refusals", refusals.shown(check.refusals(), locale));
        model.addAttribute("estimate", check.acceptable() ? check.estimate() : null);
        model.addAttribute("lineTexts", check.estimate().lines().stream().map(line -> text.of(line, locale)).toList());
    }
}
