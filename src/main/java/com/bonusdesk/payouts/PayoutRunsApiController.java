package com.bonusdesk.payouts;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.PlausibleDate;

/** The payout-run API: the same services as the screens, for scripts, payroll and tests. */
@RestController
@RequestMapping("/api/v1/payout-runs")
@RequiredArgsConstructor
class PayoutRunsApiController {

    private static final int PAGE_SIZE = 50;

    private final PayoutRuns runs;
    private final PayoutReports reports;
    private final PayoutAccess access;
    private final PayoutSheet sheet;
    private final ExplanationText text;
    private final MessageSource messages;

    /** Starts building the run of the week holding {@code weekOf}: 202, or 409 naming the week's run. */
    @PostMapping
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse({Refusal.WrongState.class, Refusal.NotEligible.class})
    ResponseEntity<RunView> build(@Valid @RequestBody BuildRequest request, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        PayoutRun run = runs.build(request.weekOf(), me.getUsername());
        return ResponseEntity.accepted().location(URI.create("/api/v1/payout-runs/" + run.getId()))
                .body(view(run, locale));
    }

    @GetMapping
    RunPage list(@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale) {
        access.requireMaySeeRuns(me);
        Page<PayoutRun> found = reports.list(EnumSet.allOf(PayoutRunStatus.class),
                PayoutReports.newestFirst(Pages.index(page), PAGE_SIZE));
        return new RunPage(found.getContent().stream().map(run -> view(run, locale)).toList(), found.getNumber(),
                found.getTotalPages(), found.getTotalElements());
    }

    @GetMapping("/{id}")
    RunView run(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        access.requireMaySeeRuns(me);
        return view(runs.find(id).orElseThrow(Refusal.NotFound::new), locale);
    }

    @PostMapping("/{id}/decision")
    @MayRefuse(Refusal.WrongState.class)
    RunView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        String reason = request.checkedReason("payout.reject.reasonRequired");
        return view(runs.decide(id, request.approves(), reason, me), locale);
    }

    @PostMapping("/{id}/resumption")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ResponseEntity<RunView> resume(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        return ResponseEntity.accepted().body(view(runs.resume(id, me.getUsername()), locale));
    }

    @PostMapping("/{id}/payment")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    RunView pay(@PathVariable long id, @Valid @RequestBody PaymentRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        return view(runs.pay(id, request.paidOn(), me.getUsername()), locale);
    }

    /** The payout sheet as XLSX, or as CSV of payees or of lines; 409 before the run is approved. */
    @GetMapping("/{id}/{file:sheet\\.xlsx|sheet\\.csv|lines\\.csv}")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    void export(@PathVariable long id, @PathVariable String file, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale, HttpServletResponse response) throws IOException {
        PayoutRun run = runs.find(id).orElseThrow(Refusal.NotFound::new);
        if (!run.isApproved()) {
            throw new Refusal.WrongState("payout.notExportable");
        }
        sheet.export(run, PayoutSheet.Format.of(file), locale, response, me.getUsername());
    }

    /** The caller's own statement for a paid run: the lines it paid them. */
    @GetMapping("/{id}/statement")
    StatementView statement(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        PayoutReports.PaidStatement statement = reports.statement(id, me.getId());
        PayoutRun run = statement.run();
        return new StatementView(run.getId(), run.label(), run.getPaidOn(), statement.lines().stream()
                .map(line -> new StatementLine(line.rule(), line.amount(), line.planVersion(), line.earnedOn(),
                        text.of(line.explanation(), locale))).toList(), statement.total());
    }


    private RunView view(PayoutRun run, Locale locale) {
        return new RunView(run.getId(), run.label(), run.weekStart(), run.getWeekEnding(), run.getStatus(),
                new Progress(run.getStep(), run.getLinesDone(), run.getLinesTotal(), run.percentDone()),
                run.getPayeeCount(), run.getCarriedCount(), run.getLineCount(), run.getTotal(), reports.byRule(run.getId()),
                run.getFailure() == null ? null : messages.getMessage(run.getFailure(), null, locale), run.getBuiltBy(),
                run.getDecidedBy(), run.getDecisionReason(), run.getPaidOn());
    }

    record BuildRequest(@NotNull(message = "{payout.weekOf.required}") @PlausibleDate LocalDate weekOf) {
    }

    record PaymentRequest(@NotNull(message = "{payout.paidOn.required}") @PlausibleDate LocalDate paidOn) {
    }

    record Progress(String step, long done, long total, int percent) {
    }

    record RunView(long id, String week, LocalDate weekStart, LocalDate weekEnding, PayoutRunStatus status,
            Progress progress, int payees, int carriedForward, long lines, BigDecimal total,
            Map<RuleCode, BigDecimal> byRule, String failure, String builtBy, String decidedBy, String decisionReason,
            LocalDate paidOn) {
    }

    record RunPage(List<RunView> runs, int page, int totalPages, long totalElements) {
    }

    record StatementLine(String rule, BigDecimal amount, String planVersion, LocalDate earnedOn, String explanation) {
    }

    record StatementView(long runId, String week, LocalDate paidOn, List<StatementLine> lines, BigDecimal total) {
    }
}
