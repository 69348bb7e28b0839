package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.DecisionRequest;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.web.Pages;
import com.bonusdesk.workflow.Progress;

/** The key-accounts API: finance designates; finance and general managers read. */
@RestController
@RequestMapping("/api/v1/key-accounts")
@PreAuthorize("hasAnyRole('FINANCE', 'DIRECTOR')")
@RequiredArgsConstructor
class KeyAccountsApiController {

    private static final int PAGE_SIZE = 50;

    private final KeyAccounts keyAccounts;
    private final Agreements agreements;
    private final ExplanationText text;

    @GetMapping
    AccountPage list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "clientClass", required = false) ClientClass clientClass,
            @RequestParam(name = "mode", required = false) KeyAccountMode mode,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        Page<KeyAccount> found = keyAccounts.search(query, clientClass, mode,
                PageRequest.of(Pages.index(page), PAGE_SIZE));
        return new AccountPage(found.getContent().stream().map(this::summary).toList(), found.getNumber(),
                found.getTotalPages(), found.getTotalElements());
    }

    /** A key account with its computed months: purchases, outcome, subsidy or discount, and lines. */
    @GetMapping("/{clientCode}")
    AccountView account(@PathVariable String clientCode, Locale locale) {
        KeyAccount account = keyAccounts.find(clientCode).orElseThrow(Refusal.NotFound::new);
        return new AccountView(summary(account), keyAccounts.monthsOf(account).stream()
                .map(month -> new MonthView(month.month().month(), month.month().purchases(),
                        month.month().outcome().name(), month.month().subsidy(),
                        month.month().discountPercent(),
                        LineView.of(month.lines(), text, locale)))
                .toList(), agreements.of(account).stream().map(this::view).toList());
    }

    /** Finance records the mode the key account chose for a plan year; 409 once a month of it is computed. */
    @PostMapping("/{clientCode}/modes")
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    Summary chooseMode(@PathVariable String clientCode, @RequestBody ModeRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        keyAccounts.chooseMode(clientCode, request.year() == null ? 0 : request.year(), request.mode(),
                request.bankName(), request.bankAccount(), me.getId(), me.getUsername());
        return summary(keyAccounts.find(clientCode).orElseThrow());
    }

    /** Finance enters an individual agreement: 201, waiting for a general manager's approval. */
    @PostMapping("/{clientCode}/agreements")
    @PreAuthorize("hasRole('FINANCE')")
    ResponseEntity<AgreementView> enter(@PathVariable String clientCode, @RequestBody AgreementRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        Agreement agreement = agreements.enter(clientCode, new Agreements.Terms(request.from(), request.to(),
                request.ratePercent(), request.amount()), me.getId(), me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/key-accounts/" + clientCode)).body(view(agreement));
    }

    /** A general manager who did not enter it approves or rejects an agreement. */
    @PostMapping("/agreements/{id}/decision")
    @PreAuthorize("hasRole('DIRECTOR')")
    @MayRefuse(Refusal.WrongState.class)
    AgreementView decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        String reason = request.checkedReason("claim.reject.reasonRequired");
        return view(agreements.decide(id, request.approves(), reason, me.getId(), me.getUsername()));
    }

    private AgreementView view(Agreement agreement) {
        Progress progress = agreements.progressOf(agreement.getId());
        return new AgreementView(agreement.getId(), agreement.from(), agreement.to(),
                agreement.ratePercent(), agreement.getAmount(),
                agreement.getStatus(), progress.approvals(), progress.nextStep());
    }

    /** Finance designates a client a key account: 201, or 409 when it already is one. */
    @PostMapping
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ResponseEntity<Summary> designate(@RequestBody DesignationRequest request,
            @AuthenticationPrincipal PersonPrincipal me) {
        KeyAccount account = keyAccounts.designate(new KeyAccounts.Designation(request.clientCode(), request.from(),
                request.clientClass(), request.mode(), request.bankName(), request.bankAccount()), me.getId(),
                me.getUsername());
        Summary summary = summary(account);
        return ResponseEntity.created(URI.create("/api/v1/key-accounts/" + summary.clientCode())).body(summary);
    }

    private Summary summary(KeyAccount account) {
        ClientDirectory.Known client = keyAccounts.clientOf(account);
        return new Summary(client.code(), client.name(), account.getClientClass(), account.getMode(),
                account.getValidFrom());
    }

    record DesignationRequest(String clientCode, LocalDate from, ClientClass clientClass, KeyAccountMode mode,
            String bankName, String bankAccount) {
    }

    record Summary(String clientCode, String clientName, ClientClass clientClass, KeyAccountMode mode,
            LocalDate from) {
    }

    record AccountPage(List<Summary> keyAccounts, int page, int totalPages, long totalElements) {
    }

    record MonthView(YearMonth month, BigDecimal purchases, String outcome, BigDecimal subsidy,
            BigDecimal discountRate, List<LineView> lines) {
    }

    record AccountView(Summary account, List<MonthView> months, List<AgreementView> agreements) {
    }

    record ModeRequest(Integer year, KeyAccountMode mode, String bankName, String bankAccount) {
    }

    record AgreementRequest(YearMonth from, YearMonth to, BigDecimal ratePercent, BigDecimal amount) {
    }

    record AgreementView(long id, YearMonth from, YearMonth to, BigDecimal ratePercent, BigDecimal amount,
            Agreement.Status status, List<Progress.Approval> approvals, Progress.NextStep nextStep) {
    }
}
