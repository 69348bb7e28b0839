package com.bonusdesk.signals;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fraud signals for programs (finance): {@code GET /api/v1/signals?status=}, {@code POST
 * /api/v1/signals/recomputation}, {@code POST /api/v1/signals/{id}/dismissal} {@code {reason}} and {@code POST
 * /api/v1/signals/{id}/hold} and {@code POST /api/v1/signals/{id}/release} {@code {reason}}.
 */
@RestController
@PreAuthorize("hasRole('FINANCE')")
@RequiredArgsConstructor
class SignalsApiController {

    private final Signals signals;
    private final MessageSource messages;

    /** A signal as programs read it: its rule, its explanation in the caller's language, its items and lines. */
    record SignalView(long id, String rule, String explanation, List<Finding.Item> items, List<Long> lines,
            String status, String reason, String decidedBy) {
    }

    /** Why a signal is dismissed. */
    record Dismissal(String reason) {
    }

    @GetMapping("/api/v1/signals")
    List<SignalView> list(@RequestParam(name = "status", required = false) Signals.Status status, Locale locale) {
        return signals.list(status).stream().map(signal -> view(signal, locale)).toList();
    }

    @PostMapping("/api/v1/signals/recomputation")
    Signals.Review recompute(Principal principal) {
        return signals.recompute(principal.getName());
    }

    @PostMapping("/api/v1/signals/{id}/dismissal")
    SignalView dismiss(@PathVariable long id, @RequestBody(required = false) Dismissal dismissal, Principal principal,
            Locale locale) {
        return view(signals.dismiss(id, dismissal == null ? null : dismissal.reason(), principal.getName()), locale);
    }

    @PostMapping("/api/v1/signals/{id}/release")
    SignalView release(@PathVariable long id, @RequestBody(required = false) Dismissal dismissal, Principal principal,
            Locale locale) {
        return view(signals.release(id, dismissal == null ? null : dismissal.reason(), principal.getName()), locale);
    }

    @PostMapping("/api/v1/signals/{id}/hold")
    SignalView hold(@PathVariable long id, @RequestBody(required = false) Dismissal why, Principal principal,
            Locale locale) {
        return view(signals.hold(id, why == null ? null : why.reason(), principal.getName()), locale);
    }

    private SignalView view(Signals.Signal signal, Locale locale) {
        return new SignalView(signal.id(), signal.rule().name(),
                messages.getMessage(signal.messageKey(), signal.arguments().toArray(), locale), signal.items(),
                signal.lineIds(), signal.status().name(), signal.reason(), signal.decidedBy());
    }
}
