package com.bonusdesk.disputes;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Evidence;
import com.bonusdesk.web.Pages;

/**
 * Disputes on screen: a payee opens one from a line, a claim or My bonus at {@code /disputes/new} and follows it at
 * {@code /disputes}; finance answers, holds the line, or resolves it with an adjustment on the dispute's page.
 */
@Controller
@RequiredArgsConstructor
class DisputesController {

    private static final int PAGE_SIZE = 20;

    private final Disputes disputes;
    private final Adjustments adjustments;
    private final ClaimService claims;
    private final PersonService people;
    private final ExplanationText text;

    @GetMapping("/disputes")
    String list(@RequestParam(name = "status", required = false) DisputeStatus status,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Model model) {
        Page<Dispute> found = disputes.listFor(me.getId(), status, query,
                PageRequest.of(Pages.index(page), PAGE_SIZE));
        model.addAttribute("q", query == null ? "" : query.strip());
        model.addAttribute("disputes", found);
        model.addAttribute("status", status);
        model.addAttribute("statuses", DisputeStatus.values());
        model.addAttribute("payees", people.cards(found.getContent().stream().map(Dispute::getPayeeId).distinct()
                .toList()));
        model.addAttribute("overdue", found.getContent().stream().collect(Collectors.toMap(Dispute::getId,
                disputes::isOverdue)));
        return "disputes/list";
    }

    @GetMapping("/disputes/new")
    String newDispute(@RequestParam(name = "lineId", required = false) Long lineId,
            @RequestParam(name = "claimId", required = false) Long claimId, @AuthenticationPrincipal PersonPrincipal me,
            Locale locale, Model model) {
        subject(lineId, claimId, me, locale, model);
        return "disputes/form";
    }

    @PostMapping("/disputes/new")
    String open(@RequestParam(name = "lineId", required = false) Long lineId,
            @RequestParam(name = "claimId", required = false) Long claimId,
            @RequestParam(name = "text", defaultValue = "") String question,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model, RedirectAttributes redirect)
            throws IOException {
        Evidence.Upload upload = Evidence.read(file);
        if (upload.refused()) {
            subject(lineId, claimId, me, locale, model);
            model.addAttribute("text", question);
            model.addAttribute("fileProblem", "dispute." + upload.problem());
            return "disputes/form";
        }
        Dispute opened = disputes.open(me.getId(), lineId, claimId, question, upload.evidence(), me.getUsername());
        redirect.addFlashAttribute("success", "dispute.opened");
        redirect.addFlashAttribute("successArgs", List.of(opened.getDueOn().toString()));
        return "redirect:/disputes/" + opened.getId();
    }

    @GetMapping("/disputes/{id}")
    String dispute(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model) {
        Dispute dispute = disputes.visibleTo(id, me.getId()).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("dispute", dispute);
        model.addAttribute("payee", people.cards(List.of(dispute.getPayeeId())).get(dispute.getPayeeId()));
        model.addAttribute("overdue", disputes.isOverdue(dispute));
        model.addAttribute("mayAnswer", disputes.mayAnswer(dispute, me.getId()));
        model.addAttribute("hold", disputes.holdOf(dispute).orElse(null));
        model.addAttribute("adjustment", adjustments.ofDispute(id).orElse(null));
        model.addAttribute("timeline", disputes.timelineOf(id));
        disputes.lineOf(dispute).ifPresent(owned -> {
            model.addAttribute("line", LineView.of(owned.line(), text, locale));
            model.addAttribute("lineInRun", owned.line().settlement() != null);
        });
        return "disputes/detail";
    }

    /** The attached file, for whoever may see the dispute; sent as a download, never shown inline. */
    @GetMapping("/disputes/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id, @AuthenticationPrincipal PersonPrincipal me) {
        return disputes.fileOf(id, me.getId()).orElseThrow(Refusal.NotFound::new).asDownload("dispute-" + id);
    }

    @PostMapping("/disputes/{id}/answer")
    @PreAuthorize("hasRole('FINANCE')")
    String answer(@PathVariable long id, @RequestParam(name = "text", defaultValue = "") String answer,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        disputes.answer(id, me.getId(), answer, me.getUsername());
        redirect.addFlashAttribute("success", "dispute.answered");
        return "redirect:/disputes/" + id;
    }

    @PostMapping("/disputes/{id}/adjustment")
    @PreAuthorize("hasRole('FINANCE')")
    String resolve(@PathVariable long id, @RequestParam(name = "amount", defaultValue = "") String amount,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        Adjustment made = disputes.resolve(id, me.getId(), amount(amount), reason, me.getUsername());
        redirect.addFlashAttribute("success", "dispute.resolved." + made.getStatus());
        return "redirect:/disputes/" + id;
    }

    @PostMapping("/disputes/{id}/hold")
    @PreAuthorize("hasRole('FINANCE')")
    String hold(@PathVariable long id, @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        disputes.hold(id, me.getId(), reason, me.getUsername());
        redirect.addFlashAttribute("success", "dispute.held");
        return "redirect:/disputes/" + id;
    }

    /** An amount as typed on a form; a refusal naming the field when it is none. */
    static BigDecimal amount(String typed) {
        return Money.parse(typed).orElseThrow(() -> new Refusal.InvalidInput("amount", "adjustment.amount.range"));
    }

    /** What a new dispute is about, shown above its form: one of the payee's lines or claims, or nothing. */
    private void subject(Long lineId, Long claimId, PersonPrincipal me, Locale locale, Model model) {
        if (lineId != null) {
            model.addAttribute("line", disputes.ownLine(lineId, me.getId())
                    .map(owned -> LineView.of(owned.line(), text, locale)).orElseThrow(Refusal.NotFound::new));
            model.addAttribute("lineId", lineId);
        }
        if (claimId != null) {
            model.addAttribute("claim", claims.visibleTo(claimId, me.getId())
                    .filter(claim -> claim.getSubmitterId() == me.getId()).orElseThrow(Refusal.NotFound::new));
            model.addAttribute("claimId", claimId);
        }
    }
}
