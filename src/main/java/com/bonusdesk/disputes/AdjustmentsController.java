package com.bonusdesk.disputes;

import java.util.List;
import java.util.Locale;

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

import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.Pages;

/**
 * Adjustments on screen: finance makes one without a dispute at {@code /adjustments/new}; general managers find
 * the ones waiting for their approval at {@code /adjustments}.
 */
@Controller
@RequiredArgsConstructor
class AdjustmentsController {

    private static final int PAGE_SIZE = 20;

    private final Adjustments adjustments;
    private final PersonService people;
    private final ExplanationText text;

    @GetMapping("/adjustments")
    @PreAuthorize("hasAnyRole('FINANCE', 'DIRECTOR')")
    String list(@RequestParam(name = "page", defaultValue = "0") int page,
            @AuthenticationPrincipal PersonPrincipal me, Model model) {
        List<Adjustment> waiting = adjustments.waitingFor(me.getId());
        Page<Adjustment> latest = adjustments.latest(PageRequest.of(Pages.index(page), PAGE_SIZE));
        model.addAttribute("waiting", waiting);
        model.addAttribute("adjustments", latest);
        model.addAttribute("people", people.cards(java.util.stream.Stream.concat(waiting.stream(),
                latest.getContent().stream()).map(Adjustment::getPayeeId).distinct().toList()));
        return "disputes/adjustments";
    }

    @GetMapping("/adjustments/new")
    @PreAuthorize("hasRole('FINANCE')")
    String newAdjustment() {
        return "disputes/adjustment-form";
    }

    @PostMapping("/adjustments/new")
    @PreAuthorize("hasRole('FINANCE')")
    String make(@RequestParam(name = "payee", defaultValue = "") String payee,
            @RequestParam(name = "amount", defaultValue = "") String amount,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        Person person = people.findByUsername(payee.strip())
                .orElseThrow(() -> new Refusal.InvalidInput("payee", "adjustment.payee.unknown"));
        Adjustment made = adjustments.make(person.getId(), null, DisputesController.amount(amount), reason,
                me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "adjustment.made." + made.getStatus());
        return "redirect:/adjustments/" + made.getId();
    }

    @GetMapping("/adjustments/{id}")
    String adjustment(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale,
            Model model) {
        Adjustment adjustment = adjustments.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("adjustment", adjustment);
        model.addAttribute("people", people.cards(List.of(adjustment.getPayeeId(), adjustment.getCreatedBy())));
        model.addAttribute("mayDecide", adjustments.mayDecide(adjustment, me.getId()));
        model.addAttribute("progress", adjustments.progressOf(id));
        model.addAttribute("timeline", adjustments.timelineOf(id));
        model.addAllAttributes(LineView.forPage(adjustments.linesOf(id), text, locale));
        return "disputes/adjustment";
    }

    @PostMapping("/adjustments/{id}/decision")
    @PreAuthorize("hasRole('DIRECTOR')")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        Adjustment decided = adjustments.decide(id, me.getId(), request.approves(),
                request.checkedReason("claim.reject.reasonRequired"), me.getUsername());
        redirect.addFlashAttribute("success", "adjustment.decided." + decided.getStatus());
        return "redirect:/adjustments";
    }
}
