package com.bonusdesk.referrals;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.CancellationRequest;
import com.bonusdesk.web.CsvImport;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.Refusals;
import com.bonusdesk.web.Evidence;
import com.bonusdesk.web.Formats;
import com.bonusdesk.web.Uploads;

/**
 * Referral applications in the browser: "My referrals", a new application checked before it is filed
 * (with its deadline and what it would earn), each application's page, and HR's queue at
 * {@code /hr/referrals}.
 */
@Controller
@RequiredArgsConstructor
class ReferralsController {

    private static final int PAGE_SIZE = 20;

    private final ReferralService referrals;
    private final ReferralMonthImport monthImport;
    private final ExplanationText text;
    private final Refusals refusals;
    private final Clock clock;
    private final ReferralReminders reminders;
    private final Formats formats;
    private final ReferrerSuspensions suspensions;
    private final PersonService people;

    @GetMapping("/referrals")
    String mine(@AuthenticationPrincipal PersonPrincipal me, @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        model.addAttribute("referrals", referrals.mine(me.getId(), PageRequest.of(Pages.index(page), PAGE_SIZE,
                Sort.by(Sort.Order.desc("filedAt"), Sort.Order.desc("id")))));
        model.addAttribute("suspension", suspensions.inForce(me.getId()).orElse(null));
        return "referrals/list";
    }

    @GetMapping("/referrals/new")
    String newReferral(Model model) {
        model.addAttribute("referral", new ReferralForm());
        model.addAttribute("relationships", Relationship.values());
        return "referrals/form";
    }

    /** "Check" shows the deadline, what would refuse it and what it would earn; "File" saves it if nothing refuses it. */
    @PostMapping("/referrals/new")
    String file(@Valid @ModelAttribute("referral") ReferralForm form, BindingResult result,
            @RequestParam(name = "action", defaultValue = "check") String action,
            @RequestParam(name = "evidenceFile", required = false) MultipartFile file,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model, RedirectAttributes redirect)
            throws IOException {
        model.addAttribute("relationships", Relationship.values());
        if (!result.hasErrors()) {
            form.crossFieldProblem(LocalDate.now(clock))
                    .ifPresent(problem -> result.rejectValue(problem.field(), problem.messageKey()));
        }
        if (result.hasErrors()) {
            return "referrals/form";
        }
        if ("remind".equals(action)) {
            ReferralReminders.Upcoming reminder = reminders.remind(me.getId(), form.facts());
            redirect.addFlashAttribute("success", "referral.reminder.saved");
            redirect.addFlashAttribute("successArgs", List.of(reminder.clientName(), formats.date(reminder.deadline(), locale),
                    reminder.workingDaysLeft()));
            return "redirect:/";
        }
        if (!"submit".equals(action)) {
            show(referrals.check(form.facts(), me.getId()), locale, model);
            return "referrals/form";
        }
        Evidence.Upload upload = Evidence.read(file);
        if (upload.refused()) {
            model.addAttribute("fileProblem", "referral." + upload.problem());
            return "referrals/form";
        }
        ReferralService.Filing filing = referrals.file(form.facts(), upload.evidence(), me.getId(), me.getUsername());
        if (filing.referral() == null) {
            show(filing.check(), locale, model);
            return "referrals/form";
        }
        redirect.addFlashAttribute("success", "referral.filed");
        redirect.addFlashAttribute("successArgs", List.of(form.getClientName()));
        return "redirect:/referrals/" + filing.referral().getId();
    }

    @PostMapping("/referrals/reminders/{id}/forget")
    String forgetReminder(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        reminders.forget(me.getId(), id);
        redirect.addFlashAttribute("success", "referral.reminder.forgotten");
        return "redirect:/";
    }

    @GetMapping("/referrals/{id}")
    String referral(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model) {
        Referral referral = referrals.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("referral", referral);
        model.addAttribute("referrer", referrals.referrersOf(List.of(referral)).get(referral.getReferrerId()));
        model.addAttribute("timeline", referrals.timelineOf(id));
        model.addAttribute("progress", referrals.progressOf(id));
        model.addAttribute("mayDecide", referrals.mayDecide(referral, me.getId()));
        model.addAttribute("disputable", referral.getReferrerId() == me.getId());
        model.addAttribute("mayCancel", referral.getStatus() == ReferralStatus.APPROVED
                && referrals.mayCancel(referral, me.getId()));
        model.addAttribute("mayRecordMonths", referrals.mayRecordMonths(referral, me.getId()));
        model.addAttribute("evidenceFile", referrals.evidenceNameOf(id).orElse(null));
        model.addAttribute("months", referrals.monthsOf(id));
        model.addAllAttributes(LineView.forPage(referrals.linesOf(id), text, locale));
        return "referrals/detail";
    }

    @GetMapping("/referrals/months/import")
    @PreAuthorize("hasAnyRole('HR', 'FINANCE')")
    String monthImportForm(Model model) {
        model.addAttribute("columns", ReferralMonthImport.COLUMNS);
        return "referrals/months-import";
    }

    @PostMapping("/referrals/months/import/preview")
    @PreAuthorize("hasAnyRole('HR', 'FINANCE')")
    String previewMonthImport(@RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal PersonPrincipal me, Model model) throws IOException {
        model.addAttribute("columns", ReferralMonthImport.COLUMNS);
        Optional<String> csv = file == null || file.isEmpty() ? Optional.empty() : Uploads.utf8(file);
        if (csv.isEmpty()) {
            model.addAttribute("fileProblem", file == null || file.isEmpty() ? "import.noFile" : "import.encoding");
            return "referrals/months-import";
        }
        model.addAttribute("preview", monthImport.preview(csv.get(), me.getId()));
        model.addAttribute("csv", csv.get());
        return "referrals/months-import";
    }

    @PostMapping("/referrals/months/import")
    @PreAuthorize("hasAnyRole('HR', 'FINANCE')")
    String importMonths(@RequestParam(name = "csv", defaultValue = "") String csv,
            @AuthenticationPrincipal PersonPrincipal me, Model model, RedirectAttributes redirect) {
        CsvImport.Preview<ReferralMonthImport.Line> done = monthImport.importAll(csv, me.getId(), me.getUsername());
        if (!done.importable()) {
            model.addAttribute("columns", ReferralMonthImport.COLUMNS);
            model.addAttribute("preview", done);
            model.addAttribute("csv", csv);
            return "referrals/months-import";
        }
        redirect.addFlashAttribute("success", "monthImport.done");
        redirect.addFlashAttribute("successArgs", List.of(String.valueOf(done.lines().size()),
                String.valueOf(done.count(ReferralMonthImport.Line::unchanged))));
        return "redirect:/referrals/months/import";
    }

    /** The evidence file, for whoever may see the application; sent as a download, never shown inline. */
    @GetMapping("/referrals/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        referrals.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        return referrals.evidenceOf(id).orElseThrow(Refusal.NotFound::new).asDownload("evidence-" + id);
    }

    @GetMapping("/hr/referrals")
    @PreAuthorize("hasAnyRole('HR', 'DIRECTOR', 'MANAGER', 'FINANCE')")
    String queue(@AuthenticationPrincipal PersonPrincipal me,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Page<Referral> waiting = referrals.waitingFor(me.getId(), PageRequest.of(Pages.index(page), PAGE_SIZE));
        model.addAttribute("waiting", waiting);
        model.addAttribute("referrers", referrals.referrersOf(waiting.getContent()));
        model.addAttribute("waitingSince", referrals.waitingSince(waiting.getContent()));
        List<ReferrerSuspensions.Suspension> suspended = suspensions.current();
        model.addAttribute("suspensions", suspended);
        model.addAttribute("suspended", people.cards(suspended.stream()
                .map(ReferrerSuspensions.Suspension::personId).distinct().toList()));
        return "referrals/queue";
    }

    /** HR lifts a referrer's suspension early, with a reason. */
    @PostMapping("/hr/referrals/suspensions/{id}/lifting")
    @PreAuthorize("hasRole('HR')")
    String liftSuspension(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        suspensions.lift(id, reason, me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "suspension.lifted");
        return "redirect:/hr/referrals";
    }

    @PostMapping("/referrals/{id}/decision")
    @PreAuthorize("hasAnyRole('HR', 'DIRECTOR', 'MANAGER', 'FINANCE')")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        Referral decided = referrals.decide(id, me.getId(), request.approves(),
                request.checkedReason("claim.reject.reasonRequired"), me.getUsername());
        redirect.addFlashAttribute("success", !request.approves() ? "referral.rejected"
                : decided.getStatus() == ReferralStatus.APPROVED ? "referral.approved" : "referral.stepApproved");
        return "redirect:/hr/referrals";
    }

    @PostMapping("/referrals/{id}/cancellation")
    @PreAuthorize("hasRole('HR')")
    String cancel(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        referrals.cancel(id, me.getId(), new CancellationRequest(reason).checkedReason(), me.getUsername());
        redirect.addFlashAttribute("success", "referral.cancelled");
        return "redirect:/referrals/" + id;
    }

    /** HR or finance records the referred client's contract amount for a month. */
    @PostMapping("/referrals/{id}/months")
    String recordMonth(@PathVariable long id,
            @RequestParam(name = "month", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(name = "amount", defaultValue = "") String amount, @AuthenticationPrincipal PersonPrincipal me,
            RedirectAttributes redirect) {
        Optional<BigDecimal> parsed = Money.parse(amount).filter(typed -> typed.signum() >= 0);
        if (month == null || parsed.isEmpty()) {
            redirect.addFlashAttribute("failure", month == null ? "referral.month.required" : "referral.month.amount");
            return "redirect:/referrals/" + id;
        }
        referrals.recordMonth(id, month, parsed.get(), me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "referral.month.recorded");
        redirect.addFlashAttribute("successArgs", List.of(month.toString()));
        return "redirect:/referrals/" + id;
    }

    private void show(ReferralCheck check, Locale locale, Model model) {
        model.addAttribute("refusals", refusals.shown(check.refusals(), locale));
        model.addAttribute("deadline", check.deadline());
        model.addAttribute("estimate", check.acceptable() ? check.estimate() : null);
        model.addAttribute("lineTexts", check.estimate().lines().stream().map(line -> text.of(line, locale)).toList());
    }
}
