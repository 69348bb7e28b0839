package com.bonusdesk.dealers;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.CsvImport;
import com.bonusdesk.web.Pages;
import com.bonusdesk.web.Uploads;

/**
 * Dealers on screen: the list, flagging one, a dealer's targets and rebates, setting or importing targets, and
 * computing a closed month or year.
 */
@Controller
@RequestMapping("/dealers")
@PreAuthorize("hasAnyRole('FINANCE', 'DIRECTOR', 'MANAGER')")
@RequiredArgsConstructor
class DealersController {

    private static final int PAGE_SIZE = 20;

    private final Dealers dealers;
    private final DealerTargetImport targetImport;
    private final ExplanationText text;
    private final Clock clock;

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Model model) {
        Page<Dealer> found = dealers.search(query, PageRequest.of(Pages.index(page), PAGE_SIZE));
        model.addAttribute("dealers", found);
        model.addAttribute("clients", found.getContent().stream().collect(Collectors.toMap(Dealer::getId,
                dealers::clientOf)));
        model.addAttribute("q", query == null ? "" : query.strip());
        model.addAttribute("finance", dealers.isFinance(me.getId()));
        model.addAttribute("salesManagement", dealers.maySetTargets(me.getId()));
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
        model.addAttribute("lastYear", YearMonth.now(clock).getYear() - 1);
        return "dealers/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('FINANCE')")
    String newDealer() {
        return "dealers/form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('FINANCE')")
    String flag(@RequestParam(name = "clientCode", defaultValue = "") String clientCode,
            @RequestParam(name = "bankName", defaultValue = "") String bankName,
            @RequestParam(name = "bankAccount", defaultValue = "") String bankAccount,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        Dealer dealer = dealers.flag(clientCode, bankName, bankAccount, me.getId(), me.getUsername());
        String code = dealers.clientOf(dealer).code();
        redirect.addFlashAttribute("success", "dealer.flagged");
        redirect.addFlashAttribute("successArgs", List.of(code));
        return "redirect:/dealers/" + code;
    }

    @GetMapping("/{clientCode}")
    String dealer(@PathVariable String clientCode, @AuthenticationPrincipal PersonPrincipal me, Locale locale,
            Model model) {
        Dealer dealer = dealers.find(clientCode).orElseThrow(Refusal.NotFound::new);
        model.addAttribute("dealer", dealer);
        model.addAttribute("client", dealers.clientOf(dealer));
        model.addAttribute("targets", dealers.targetsOf(dealer));
        model.addAttribute("lines", LineView.of(dealers.linesOf(dealer), text, locale));
        model.addAttribute("salesManagement", dealers.maySetTargets(me.getId()));
        model.addAttribute("thisYear", YearMonth.now(clock).getYear());
        return "dealers/detail";
    }

    @PostMapping("/{clientCode}/targets")
    @PreAuthorize("hasAnyRole('DIRECTOR', 'MANAGER')")
    String setTarget(@PathVariable String clientCode, @RequestParam(name = "year", defaultValue = "0") int year,
            @RequestParam(name = "target", defaultValue = "") String target,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        BigDecimal amount = Money.parse(target)
                .orElseThrow(() -> new Refusal.InvalidInput("target", "dealer.target.range"));
        dealers.setTarget(clientCode, year, amount, me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "dealer.targetSet");
        return "redirect:/dealers/" + clientCode;
    }

    @PostMapping("/months")
    @PreAuthorize("hasRole('FINANCE')")
    String computeMonth(@RequestParam(name = "month") @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            RedirectAttributes redirect) {
        int added = dealers.computeMonth(month).size();
        redirect.addFlashAttribute("success", "dealer.computed");
        redirect.addFlashAttribute("successArgs", List.of(month.toString(), added));
        return "redirect:/dealers";
    }

    @PostMapping("/years")
    @PreAuthorize("hasRole('FINANCE')")
    String computeYear(@RequestParam(name = "year", defaultValue = "0") int year, RedirectAttributes redirect) {
        int added = dealers.computeYear(year).size();
        redirect.addFlashAttribute("success", "dealer.computed");
        redirect.addFlashAttribute("successArgs", List.of(String.valueOf(year), added));
        return "redirect:/dealers";
    }

    @GetMapping("/targets/import")
    @PreAuthorize("hasAnyRole('DIRECTOR', 'MANAGER')")
    String importForm(Model model) {
        model.addAttribute("columns", DealerTargetImport.COLUMNS);
        return "dealers/targets-import";
    }

    @PostMapping("/targets/import/preview")
    @PreAuthorize("hasAnyRole('DIRECTOR', 'MANAGER')")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("columns", DealerTargetImport.COLUMNS);
        Optional<String> csv = file == null || file.isEmpty() ? Optional.empty() : Uploads.utf8(file);
        if (csv.isEmpty()) {
            model.addAttribute("fileProblem", file == null || file.isEmpty() ? "import.noFile" : "import.encoding");
            return "dealers/targets-import";
        }
        model.addAttribute("preview", targetImport.preview(csv.get()));
        model.addAttribute("csv", csv.get());
        return "dealers/targets-import";
    }

    @PostMapping("/targets/import")
    @PreAuthorize("hasAnyRole('DIRECTOR', 'MANAGER')")
    String importTargets(@RequestParam(name = "csv", defaultValue = "") String csv,
            @AuthenticationPrincipal PersonPrincipal me, Model model, RedirectAttributes redirect) {
        CsvImport.Preview<DealerTargetImport.Line> done = targetImport.importAll(csv, me.getUsername());
        if (!done.importable()) {
            model.addAttribute("columns", DealerTargetImport.COLUMNS);
            model.addAttribute("preview", done);
            model.addAttribute("csv", csv);
            return "dealers/targets-import";
        }
        redirect.addFlashAttribute("success", "targetImport.done");
        redirect.addFlashAttribute("successArgs", List.of(String.valueOf(done.lines().size()),
                String.valueOf(done.count(DealerTargetImport.Line::unchanged))));
        return "redirect:/dealers/targets/import";
    }
}
