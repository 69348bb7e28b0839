package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.Pages;

/**
 * Key accounts on screen: the list with search and filters, designating one, a key account's months, computing a
 * closed month, and the discount rates for the ERP.
 */
@Controller
@RequestMapping("/key-accounts")
@PreAuthorize("hasAnyRole('FINANCE', 'DIRECTOR')")
@RequiredArgsConstructor
class KeyAccountsController {

    private static final int PAGE_SIZE = 20;

    /** An amount or a rate, which a spreadsheet may read as the number it is. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?%?");

    private final KeyAccounts keyAccounts;
    private final Agreements agreements;
    private final ExplanationText text;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "clientClass", required = false) ClientClass clientClass,
            @RequestParam(name = "mode", required = false) KeyAccountMode mode,
            @RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal PersonPrincipal me,
            Model model) {
        Page<KeyAccount> found = keyAccounts.search(query, clientClass, mode,
                PageRequest.of(Pages.index(page), PAGE_SIZE));
        model.addAttribute("accounts", found);
        model.addAttribute("clients", found.getContent().stream().collect(Collectors.toMap(KeyAccount::getId,
                keyAccounts::clientOf)));
        model.addAttribute("q", query == null ? "" : query.strip());
        model.addAttribute("clientClass", clientClass);
        model.addAttribute("mode", mode);
        model.addAttribute("classes", ClientClass.values());
        model.addAttribute("modes", KeyAccountMode.values());
        model.addAttribute("finance", keyAccounts.mayChange(me.getId()));
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
        model.addAttribute("waitingForAgreement", keyAccounts.waitingForAgreement());
        return "keyaccounts/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('FINANCE')")
    String newAccount(Model model) {
        model.addAttribute("classes", ClientClass.values());
        model.addAttribute("modes", KeyAccountMode.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "keyaccounts/form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('FINANCE')")
    String designate(@RequestParam(name = "clientCode", defaultValue = "") String clientCode,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @RequestParam(name = "clientClass", required = false) ClientClass clientClass,
            @RequestParam(name = "mode", required = false) KeyAccountMode mode,
            @RequestParam(name = "bankName", defaultValue = "") String bankName,
            @RequestParam(name = "bankAccount", defaultValue = "") String bankAccount,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        KeyAccount account = keyAccounts.designate(new KeyAccounts.Designation(clientCode, from, clientClass, mode,
                bankName, bankAccount), me.getId(), me.getUsername());
        String code = keyAccounts.clientOf(account).code();
        redirect.addFlashAttribute("success", "keyAccount.designated");
        redirect.addFlashAttribute("successArgs", List.of(code));
        return "redirect:/key-accounts/" + code;
    }

    @GetMapping("/{clientCode}")
    String account(@PathVariable String clientCode, @AuthenticationPrincipal PersonPrincipal me, Locale locale,
            Model model) {
        KeyAccount account = keyAccounts.find(clientCode).orElseThrow(Refusal.NotFound::new);
        ClientDirectory.Known client = keyAccounts.clientOf(account);
        List<KeyAccounts.MonthWithLines> months = keyAccounts.monthsOf(account);
        model.addAttribute("account", account);
        model.addAttribute("client", client);
        model.addAttribute("months", months);
        model.addAttribute("lineTexts", months.stream().collect(Collectors.toMap(
                month -> month.month().month(), month -> LineView.of(month.lines(), text, locale))));
        List<Agreement> entered = agreements.of(account);
        model.addAttribute("agreements", entered);
        model.addAttribute("mayDecide", entered.stream().filter(agreement -> agreements.mayDecide(agreement,
                me.getId())).map(Agreement::getId).toList());
        model.addAttribute("finance", keyAccounts.mayChange(me.getId()));
        int thisYear = YearMonth.now(clock).getYear();
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("modeThisYear", keyAccounts.modeFor(account, thisYear));
        model.addAttribute("modes", KeyAccountMode.values());
        return "keyaccounts/detail";
    }

    /** A month's statement, to send to the client: its orders, its purchases and what the month gave. */
    @GetMapping("/{clientCode}/statements/{month}")
    String statement(@PathVariable String clientCode,
            @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Locale locale, Model model) {
        KeyAccounts.Statement statement = statementOf(clientCode, month);
        model.addAttribute("statement", statement);
        model.addAttribute("lineTexts", LineView.of(statement.lines(), text, locale));
        return "keyaccounts/statement";
    }

    /** The same statement as CSV: one row per order, then the purchases and each line of what the month gave. */
    @GetMapping("/{clientCode}/statements/{month}.csv")
    ResponseEntity<byte[]> statementCsv(@PathVariable String clientCode,
            @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Locale locale) {
        KeyAccounts.Statement statement = statementOf(clientCode, month);
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(row(words("keyAccount.statement.order", locale), words("keyAccount.statement.date", locale),
                words("keyAccount.statement.amount", locale)));
        statement.orders().forEach(order -> csv.append(row(order.orderNumber(), order.date().toString(),
                order.amount().toPlainString())));
        csv.append(row(words("keyAccount.purchases", locale), month.toString(),
                statement.month().purchases().toPlainString()));
        LineView.of(statement.lines(), text, locale).forEach(line -> csv.append(row(line.explanation(),
                line.earnedOn().toString(), line.amount().toPlainString())));
        if (statement.month().discountRate() != null) {
            csv.append(row(words("keyAccount.outcome.DISCOUNT", locale), month.plusMonths(1).toString(),
                    statement.month().discountPercent().toPlainString() + "%"));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statement-" + statement.client().code() + "-" + month + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private KeyAccounts.Statement statementOf(String clientCode, YearMonth month) {
        KeyAccount account = keyAccounts.find(clientCode).orElseThrow(Refusal.NotFound::new);
        return keyAccounts.statement(account, month).orElseThrow(Refusal.NotFound::new);
    }

    private String words(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A CSV row; text that a spreadsheet would read as a formula is made plain, and quotes are doubled. */
    private static String row(String... cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            boolean formula = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches();
            row.append(i == 0 ? "" : ",").append('"').append(formula ? "'" : "")
                    .append(cell.replace("\"", "\"\"")).append('"');
        }
        return row.append('\n').toString();
    }

    @PostMapping("/{clientCode}/modes")
    @PreAuthorize("hasRole('FINANCE')")
    String chooseMode(@PathVariable String clientCode, @RequestParam(name = "year", defaultValue = "0") int year,
            @RequestParam(name = "mode", required = false) KeyAccountMode mode,
            @RequestParam(name = "bankName", defaultValue = "") String bankName,
            @RequestParam(name = "bankAccount", defaultValue = "") String bankAccount,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        keyAccounts.chooseMode(clientCode, year, mode, bankName, bankAccount, me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "keyAccount.modeChosen");
        redirect.addFlashAttribute("successArgs", List.of(String.valueOf(year)));
        return "redirect:/key-accounts/" + clientCode;
    }

    @PostMapping("/{clientCode}/agreements")
    @PreAuthorize("hasRole('FINANCE')")
    String enter(@PathVariable String clientCode,
            @RequestParam(name = "from", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @RequestParam(name = "ratePercent", defaultValue = "") String ratePercent,
            @RequestParam(name = "amount", defaultValue = "") String amount,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        agreements.enter(clientCode, new Agreements.Terms(from, to, number(ratePercent, "ratePercent"),
                number(amount, "amount")), me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "agreement.entered");
        return "redirect:/key-accounts/" + clientCode;
    }

    @PostMapping("/agreements/{id}/decision")
    @PreAuthorize("hasRole('DIRECTOR')")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal PersonPrincipal me, RedirectAttributes redirect) {
        DecisionRequest request = new DecisionRequest(decision, reason);
        Agreement decided = agreements.decide(id, request.approves(),
                request.checkedReason("claim.reject.reasonRequired"), me.getId(), me.getUsername());
        redirect.addFlashAttribute("success", "agreement.decided." + decided.getStatus());
        return "redirect:/key-accounts/" + keyAccounts.clientOf(keyAccounts.byId(decided.getKeyAccountId())).code();
    }

    /** A number typed on a form; blank is none, anything else unreadable is refused naming the field. */
    private static BigDecimal number(String typed, String field) {
        if (typed.isBlank()) {
            return null;
        }
        return Money.parse(typed).orElseThrow(() -> new Refusal.InvalidInput(field, "plan.invalid.number"));
    }

    /** Finance computes a closed month for every key account now, instead of waiting for the night. */
    @PostMapping("/months")
    @PreAuthorize("hasRole('FINANCE')")
    String compute(@RequestParam(name = "month") @DateTimeFormat(pattern = "yyyy-MM") YearMonth chosen,
            RedirectAttributes redirect) {
        List<KeyAccountMonths.Month> computed = keyAccounts.compute(chosen);
        redirect.addFlashAttribute("success", "keyAccount.computed");
        redirect.addFlashAttribute("successArgs", List.of(chosen.toString(), computed.size()));
        return "redirect:/key-accounts";
    }

    /** The discount rates for the ERP: the orders of {@code month} get the rate the month before earned. */
    @GetMapping("/discounts.csv")
    ResponseEntity<byte[]> discounts(
            @RequestParam(name = "month") @DateTimeFormat(pattern = "yyyy-MM") YearMonth chosen) {
        StringBuilder csv = new StringBuilder("client_code,month,rate\n");
        keyAccounts.discountsFor(chosen).forEach(row -> csv.append(row.clientCode()).append(',')
                .append(row.month()).append(',').append(row.percent().toPlainString()).append('\n'));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("key-account-discounts-" + chosen + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
