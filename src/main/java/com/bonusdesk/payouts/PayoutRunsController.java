package com.bonusdesk.payouts;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.PlausibleDate;

/**
 * {@code /payouts}: finance builds the week's run and follows its progress, a director approves or rejects
 * it, finance downloads the sheet and marks it paid; a payee reads and downloads their statement.
 */
@Controller
@RequestMapping("/payouts")
@RequiredArgsConstructor
class PayoutRunsController {

    private static final int PAGE_SIZE = 20;

    private final PayoutRuns runs;
    private final PayoutReports reports;
    private final PayoutAccess access;
    private final PayoutSheet sheet;
    private final ExplanationText text;
    private final Clock clock;

    @GetMapping
    String list(@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Model model) {
        access.requireMaySeeRuns(me);
        model.addAttribute("runs", reports.list(EnumSet.allOf(PayoutRunStatus.class),
                PayoutReports.newestFirst(Pages.index(page), PAGE_SIZE)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayBuild", me.hasRole(Role.FINANCE));
        return "payouts/list";
    }

    @PostMapping
    @PreAuthorize("hasRole('FINANCE')")
    String build(@RequestParam(name = "weekOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate weekOf, @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        if (weekOf == null || weekOf.isBefore(PlausibleDate.EARLIEST) || weekOf.isAfter(PlausibleDate.LATEST)) {
            throw new Refusal.InvalidInput("weekOf", "payout.weekOf.required");
        }
        Optional<PayoutRun> existing = runs.liveRunOfWeek(weekOf);
        if (existing.isPresent()) {
            redirect.addFlashAttribute("failure", "payout.exists");
            redirect.addFlashAttribute("failureArgs", List.of(existing.get().label()));
            return "redirect:/payouts/" + existing.get().getId();
        }
        PayoutRun run = runs.build(weekOf, me.getUsername());
        redirect.addFlashAttribute("success", "payout.started");
        redirect.addFlashAttribute("successArgs", List.of(run.label()));
        return "redirect:/payouts/" + run.getId();
    }

    @GetMapping("/{id}")
    String run(@PathVariable long id, @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Model model) {
        access.requireMaySeeRuns(me);
        PayoutRun run = runs.find(id).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("run", run);
        model.addAttribute("interrupted", runs.isInterrupted(run));
        model.addAttribute("rules", RuleCode.values());
        model.addAttribute("byRule", reports.byRule(id));
        model.addAttribute("byPlan", reports.byPlan(run));
        model.addAttribute("held", reports.held(run));
        model.addAttribute("payees", reports.payees(id, query, PageRequest.of(Pages.index(page), PAGE_SIZE)));
        model.addAttribute("q", query == null ? "" : query.strip());
        model.addAttribute("mayDecide", run.getStatus() == PayoutRunStatus.DRAFT && access.mayDecide(run, me));
        model.addAttribute("whyNotDecide", run.getStatus() == PayoutRunStatus.DRAFT && access.isApprover(me)
                ? access.whyNotDecide(run, me).orElse(null) : null);
        model.addAttribute("whyNotMarkPaid", access.whyNotMarkPaid(run, me.getUsername()).orElse(null));
        model.addAttribute("finance", me.hasRole(Role.FINANCE));
        model.addAttribute("today", LocalDate.now(clock));
        return "payouts/run";
    }

    /** What the run page polls while the run is being built. */
    @GetMapping("/{id}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        access.requireMaySeeRuns(me);
        PayoutRun run = runs.find(id).orElseThrow(Refusal.NotFound::new);
        return Map.of("status", run.getStatus().name(), "step", run.getStep() == null ? "" : run.getStep(),
                "done", run.getLinesDone(), "total", run.getLinesTotal(), "percent", run.percentDone());
    }

    @PostMapping("/{id}/resumption")
    @PreAuthorize("hasRole('FINANCE')")
    String resume(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        runs.resume(id, me.getUsername());
        redirect.addFlashAttribute("success", "payout.resumed");
        return "redirect:/payouts/" + id;
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        runs.decide(id, request.approves(), request.checkedReason("payout.reject.reasonRequired"), me);
        redirect.addFlashAttribute("success", request.approves() ? "payout.approved" : "payout.rejected");
        return "redirect:/payouts/" + id;
    }

    @PostMapping("/{id}/payment")
    @PreAuthorize("hasRole('FINANCE')")
    String pay(@PathVariable long id, @RequestParam(name = "paidOn", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        if (paidOn == null) {
            throw new Refusal.InvalidInput("paidOn", "payout.paidOn.required");
        }
        runs.pay(id, paidOn, me.getUsername());
        redirect.addFlashAttribute("success", "payout.paid");
        return "redirect:/payouts/" + id;
    }

    /** The payout sheet in {@code format}; before approval, back to the run page with a word why not. */
    @GetMapping("/{id}/{file:sheet\\.xlsx|sheet\\.csv|lines\\.csv}")
    @PreAuthorize("hasRole('FINANCE')")
    String export(@PathVariable long id, @PathVariable String file, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        PayoutRun run = runs.find(id).orElseThrow(Refusal.NotFound::new);
        if (!run.isApproved()) {
            throw new Refusal.WrongState("payout.notExportable");
        }
        sheet.export(run, PayoutSheet.Format.of(file), locale, response, me.getUsername());
        return null;
    }

    /** A payee's statement for a paid run: what it paid them, line by line. */
    @GetMapping("/{id}/statement")
    String statement(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model) {
        PayoutReports.PaidStatement statement = reports.statement(id, me.getId());
        model.addAttribute("run", statement.run());
        model.addAttribute("lines", statement.lines());
        model.addAttribute("lineTexts", statement.lines().stream().map(line -> text.of(line.explanation(), locale))
                .toList());
        model.addAttribute("total", statement.total());
        return "payouts/statement";
    }

    @GetMapping("/{id}/statement.csv")
    void statementCsv(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale,
            HttpServletResponse response) throws IOException {
        sheet.statementCsv(reports.statement(id, me.getId()), locale, response);
    }

}
