package com.bonusdesk.signals;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Finance's review queue at {@code /signals}: each signal in words, its items, and dismiss or hold. */
@Controller
@PreAuthorize("hasRole('FINANCE')")
@RequiredArgsConstructor
class SignalsController {

    private final Signals signals;
    private final JsonMapper json;

    @GetMapping("/signals")
    String queue(@RequestParam(name = "status", required = false) Signals.Status status, Model model) {
        List<Signals.Signal> shown = signals.list(status == null ? Signals.Status.OPEN : status);
        Map<Long, String> charts = new HashMap<>();
        shown.stream().filter(signal -> signal.chart() != null)
                .forEach(signal -> charts.put(signal.id(), json.writeValueAsString(signal.chart())));
        model.addAttribute("signals", shown);
        model.addAttribute("charts", charts);
        model.addAttribute("status", status == null ? Signals.Status.OPEN : status);
        model.addAttribute("statuses", List.of(Signals.Status.OPEN, Signals.Status.HELD, Signals.Status.DISMISSED,
                Signals.Status.GONE));
        return "signals/queue";
    }

    @PostMapping("/signals/recomputation")
    String recompute(Principal principal, RedirectAttributes redirect) {
        Signals.Review review = signals.recompute(principal.getName());
        redirect.addFlashAttribute("success", "signal.reviewed");
        redirect.addFlashAttribute("successArgs", List.of(review.found(), review.opened() + review.reopened()));
        return "redirect:/signals";
    }

    @PostMapping("/signals/{id}/dismissal")
    String dismiss(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            Principal principal, RedirectAttributes redirect) {
        signals.dismiss(id, reason, principal.getName());
        redirect.addFlashAttribute("success", "signal.dismissed");
        return "redirect:/signals";
    }

    @PostMapping("/signals/{id}/release")
    String release(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            Principal principal, RedirectAttributes redirect) {
        signals.release(id, reason, principal.getName());
        redirect.addFlashAttribute("success", "signal.released");
        return "redirect:/signals?status=HELD";
    }

    @PostMapping("/signals/{id}/hold")
    String hold(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            Principal principal, RedirectAttributes redirect) {
        Signals.Signal held = signals.hold(id, reason, principal.getName());
        redirect.addFlashAttribute("success", "signal.held");
        redirect.addFlashAttribute("successArgs", List.of(held.lineIds().size()));
        return "redirect:/signals";
    }
}
