package com.bonusdesk.claims;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.web.CsvImport;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.Uploads;

/** Finance records collections (回款) at {@code /collections} and sees those already recorded. */
@Controller
@RequestMapping("/collections")
@PreAuthorize("hasRole('FINANCE')")
@RequiredArgsConstructor
class CollectionsController {

    private static final int PAGE_SIZE = 20;

    private final CollectionService collections;
    private final CollectionImport collectionImport;
    private final MonthlyCountBonus monthlyCount;

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        return show(new CollectionForm(), query, page, model);
    }

    @PostMapping
    String record(@Valid @ModelAttribute("collection") CollectionForm form, BindingResult result,
            @AuthenticationPrincipal PersonPrincipal me, Model model, RedirectAttributes redirect) {
        if (form.getAmount() != null && form.getAmount().signum() == 0) {
            result.rejectValue("amount", "collection.amount.zero");
        }
        if (!result.hasErrors() && collections.conflicts(form.getReference(), form.getOrderNumber(),
                form.getReceivedOn(), form.getAmount())) {
            result.rejectValue("reference", "collection.reference.conflict");
        }
        if (!result.hasErrors()) {
            collections.objection(form.getOrderNumber(), form.getReceivedOn(), me.getId()).ifPresent(objection ->
                    result.rejectValue(objection == CollectionService.Objection.FUTURE_DATE ? "receivedOn"
                            : "orderNumber", objection.refusal(form.getOrderNumber()).messageKey(),
                            new Object[] {form.getOrderNumber()}, null));
        }
        if (result.hasErrors()) {
            return show(form, null, 0, model);
        }
        CollectionService.Recorded recorded = collections.recordBy(me.getId(), form.getOrderNumber(),
                form.getReceivedOn(), form.getAmount(), form.getReference(), me.getUsername());
        redirect.addFlashAttribute("success", recorded.alreadyRecorded() ? "collection.already" : "collection.recorded");
        redirect.addFlashAttribute("successArgs", List.of(form.getReference(),
                String.valueOf(recorded.newLines().size())));
        return "redirect:/collections";
    }

    /** Finance may bring a month's R3 lines up to date by hand; running it twice adds nothing. */
    @PostMapping("/monthly-count")
    String recomputeMonthlyCount(
            @RequestParam(name = "month", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            RedirectAttributes redirect) {
        if (month == null || month.getYear() < 1900 || month.getYear() > 2999) {
            redirect.addFlashAttribute("failure", "monthlyCount.month.required");
            return "redirect:/collections";
        }
        int added = monthlyCount.compute(month).size();
        redirect.addFlashAttribute("success", "monthlyCount.done");
        redirect.addFlashAttribute("successArgs", List.of(month.toString(), String.valueOf(added)));
        return "redirect:/collections";
    }

    @PostMapping("/import/preview")
    String previewImport(@RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal PersonPrincipal me, Model model)
            throws IOException {
        model.addAttribute("columns", CollectionImport.COLUMNS);
        Optional<String> csv = file == null || file.isEmpty() ? Optional.empty() : Uploads.utf8(file);
        if (csv.isEmpty()) {
            model.addAttribute("fileProblem", file == null || file.isEmpty() ? "import.noFile" : "import.encoding");
            return "claims/collections-import";
        }
        model.addAttribute("preview", collectionImport.preview(csv.get(), me.getId()));
        model.addAttribute("csv", csv.get());
        return "claims/collections-import";
    }

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("columns", CollectionImport.COLUMNS);
        return "claims/collections-import";
    }

    @PostMapping("/import")
    String importAll(@RequestParam(name = "csv", defaultValue = "") String csv,
            @AuthenticationPrincipal PersonPrincipal me, Model model, RedirectAttributes redirect) {
        CsvImport.Preview<CollectionImport.Line> done = collectionImport.importAll(csv, me.getId(), me.getUsername());
        if (!done.importable()) {
            model.addAttribute("columns", CollectionImport.COLUMNS);
            model.addAttribute("preview", done);
            model.addAttribute("csv", csv);
            return "claims/collections-import";
        }
        redirect.addFlashAttribute("success", "collectionImport.done");
        redirect.addFlashAttribute("successArgs", List.of(String.valueOf(done.lines().size()),
                String.valueOf(done.count(CollectionImport.Line::alreadyRecorded))));
        return "redirect:/collections";
    }

    private String show(CollectionForm form, String query, int page, Model model) {
        model.addAttribute("collection", form);
        model.addAttribute("collections", collections.search(query, PageRequest.of(Pages.index(page), PAGE_SIZE,
                Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.desc("id")))));
        model.addAttribute("q", query == null ? "" : query.strip());
        return "claims/collections";
    }
}
