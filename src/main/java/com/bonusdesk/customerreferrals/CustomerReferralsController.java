package com.bonusdesk.customerreferrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Quarter;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.Refusals;

/**
 * Customer referrals (老带新) in the browser: the salesperson registers the first visit and later the deal, the
 * sales manager and then the general manager approve at {@code /customer-referrals/approvals}.
 */
@Controller
@RequiredArgsConstructor
class CustomerReferralsController {

    private static final int PAGE_SIZE = 20;

    private final CustomerReferralService referrals;
    private final CustomerReferralRanking ranking;
    private final ExplanationText text;
    private final Refusals refusals;
    private final Clock clock;

    @GetMapping("/customer-referrals")
    @PreAuthorize("hasRole('SALES')")
    String mine(@AuthenticationPrincipal PersonPrincipal me, @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        model.addAttribute("referrals", referrals.mine(me.getId(), PageRequest.of(Pages.index(page), PAGE_SIZE,
                Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("id")))));
        return "customerreferrals/list";
    }

    @GetMapping("/customer-referrals/new")
    @PreAuthorize("hasRole('SALES')")
    String newVisit(Model model) {
        model.addAttribute("visit", new FirstVisitForm());
        return form(model);
    }

    @PostMapping("/customer-referrals/new")
    @PreAuthorize("hasRole('SALES')")
    String register(@Valid @ModelAttribute("visit") FirstVisitForm form, BindingResult result,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
        LocalDate today = LocalDate.now(clock);
        if (!result.hasErrors()) {
            form.crossFieldProblem(today)
                    .ifPresent(problem -> result.rejectValue(problem.field(), problem.messageKey()));
        }
        if (result.hasErrors()) {
            return form(model);
        }
        CustomerReferralService.Registration registration = referrals.register(form.visit(today), me.getId(),
                me.getUsername());
        if (registration.referral() == null) {
            model.addAttribute("refusals", refusals.shown(registration.refusals(), locale));
            return form(model);
        }
        redirect.addFlashAttribute("success", "customerReferral.registered");
        redirect.addFlashAttribute("successArgs", List.of(form.getVisitorName()));
        return "redirect:/customer-referrals/" + registration.referral().getId();
    }

    @GetMapping("/customer-referrals/{id}")
    String referral(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model) {
        CustomerReferral referral = referrals.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        if (!model.containsAttribute("deal")) {
            model.addAttribute("deal", new DealForm());
        }
        return detail(referral, me, locale, model);
    }

    @PostMapping("/customer-referrals/{id}/deal")
    @PreAuthorize("hasRole('SALES')")
    String recordDeal(@PathVariable long id, @Valid @ModelAttribute("deal") DealForm form, BindingResult result,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
        CustomerReferral referral = referrals.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        if (!result.hasErrors()) {
            form.crossFieldProblem(LocalDate.now(clock), referrals.whyNoReward(form.deal()).isEmpty())
                    .ifPresent(problem -> result.rejectValue(problem.field(), problem.messageKey()));
        }
        if (result.hasErrors()) {
            return detail(referral, me, locale, model);
        }
        CustomerReferral recorded = referrals.recordDeal(id, form.deal(), me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "customerReferral.deal." + recorded.getStatus());
        return "redirect:/customer-referrals/" + id;
    }

    @GetMapping("/customer-referrals/approvals")
    @PreAuthorize("hasAnyRole('MANAGER', 'DIRECTOR', 'HR', 'FINANCE')")
    String approvals(@AuthenticationPrincipal PersonPrincipal me, Model model) {
        List<CustomerReferral> waiting = referrals.waitingFor(me.getId());
        model.addAttribute("waiting", waiting);
        model.addAttribute("waitingSince", referrals.waitingSince(waiting));
        return "customerreferrals/approvals";
    }

    @PostMapping("/customer-referrals/{id}/decision")
    @PreAuthorize("hasAnyRole('MANAGER', 'DIRECTOR', 'HR', 'FINANCE')")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        CustomerReferral decided = referrals.decide(id, request.approves(),
                request.checkedReason("claim.reject.reasonRequired"), me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "customerReferral.decided." + decided.getStatus());
        return "redirect:/customer-referrals/approvals";
    }

    /** The quarter's ranking of referring customers, published to everyone with names masked (公示). */
    @GetMapping("/customer-referrals/ranking")
    String ranking(@RequestParam(name = "quarter", required = false) String quarter,
            @AuthenticationPrincipal PersonPrincipal me, Model model) {
        Quarter shown = Quarter.parse(quarter).orElse(Quarter.of(LocalDate.now(clock)));
        model.addAttribute("quarter", shown);
        model.addAttribute("previous", shown.previous());
        model.addAttribute("next", shown.next());
        model.addAttribute("standings", ranking.standings(shown));
        model.addAttribute("mayAward", me.hasRole(Role.FINANCE));
        return "customerreferrals/ranking";
    }

    /** Finance awards the quarter's prizes; awarding again changes only what the ranking changed. */
    @PostMapping("/customer-referrals/ranking/award")
    @PreAuthorize("hasRole('FINANCE')")
    String award(@RequestParam(name = "quarter", defaultValue = "") String quarter,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        Optional<Quarter> awarded = Quarter.parse(quarter);
        if (awarded.isEmpty()) {
            redirect.addFlashAttribute("failure", "ranking.quarter.invalid");
            return "redirect:/customer-referrals/ranking";
        }
        int lines = ranking.award(awarded.get(), me.getUsername()).size();
        redirect.addFlashAttribute("success", "ranking.awarded");
        redirect.addFlashAttribute("successArgs", List.of(awarded.get().toString(), String.valueOf(lines)));
        return "redirect:/customer-referrals/ranking?quarter=" + awarded.get();
    }

    private String detail(CustomerReferral referral, PersonPrincipal me, Locale locale, Model model) {
        long id = referral.getId();
        model.addAttribute("referral", referral);
        model.addAttribute("mine", referral.getRegisteredBy() == me.getId());
        model.addAttribute("mayDecide", referrals.mayDecide(referral, me.getId()));
        model.addAttribute("propertyTypes", PropertyType.values());
        model.addAttribute("timeline", referrals.timelineOf(id));
        model.addAttribute("progress", referrals.progressOf(id));
        model.addAllAttributes(LineView.forPage(referrals.linesOf(id), text, locale));
        return "customerreferrals/detail";
    }

    private String form(Model model) {
        model.addAttribute("propertyTypes", PropertyType.values());
        model.addAttribute("relationships", Relationship.values());
        return "customerreferrals/form";
    }
}
