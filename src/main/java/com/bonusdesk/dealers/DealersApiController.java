package com.bonusdesk.dealers;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.LineView;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.MayRefuse;
import com.bonusdesk.web.Pages;

/** The dealers API: finance flags dealers; sales management sets their targets; they read the rebates. */
@RestController
@RequestMapping("/api/v1/dealers")
@PreAuthorize("hasAnyRole('FINANCE', 'DIRECTOR', 'MANAGER')")
@RequiredArgsConstructor
class DealersApiController {

    private static final int PAGE_SIZE = 50;

    private final Dealers dealers;
    private final ExplanationText text;

    @GetMapping
    DealerPage list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        Page<Dealer> found = dealers.search(query, PageRequest.of(Pages.index(page), PAGE_SIZE));
        return new DealerPage(found.getContent().stream().map(this::summary).toList(), found.getNumber(),
                found.getTotalPages(), found.getTotalElements());
    }

    /** A dealer with its targets by year and its rebate lines. */
    @GetMapping("/{clientCode}")
    DealerView dealer(@PathVariable String clientCode, Locale locale) {
        Dealer dealer = dealers.find(clientCode).orElseThrow(Refusal.NotFound::new);
        return new DealerView(summary(dealer), dealers.targetsOf(dealer),
                LineView.of(dealers.linesOf(dealer), text, locale));
    }

    /** Finance flags a client a dealer: 201, or 409 when it already is one. */
    @PostMapping
    @PreAuthorize("hasRole('FINANCE')")
    @MayRefuse(Refusal.WrongState.class)
    ResponseEntity<Summary> flag(@RequestBody DealerRequest request, @AuthenticationPrincipal PersonPrincipal me) {
        Summary summary = summary(dealers.flag(request.clientCode(), request.bankName(), request.bankAccount(),
                me.getId(), me.getUsername()));
        return ResponseEntity.created(URI.create("/api/v1/dealers/" + summary.clientCode())).body(summary);
    }

    /** Sales management sets a dealer's target for a year. */
    @PostMapping("/{clientCode}/targets")
    @PreAuthorize("hasAnyRole('DIRECTOR', 'MANAGER')")
    DealerView setTarget(@PathVariable String clientCode, @RequestBody TargetRequest request,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        dealers.setTarget(clientCode, request.year() == null ? 0 : request.year(), request.target(), me.getId(),
                me.getUsername());
        return dealer(clientCode, locale);
    }

    private Summary summary(Dealer dealer) {
        ClientDirectory.Known client = dealers.clientOf(dealer);
        return new Summary(client.code(), client.name());
    }

    record DealerRequest(String clientCode, String bankName, String bankAccount) {
    }

    record TargetRequest(Integer year, BigDecimal target) {
    }

    record Summary(String clientCode, String clientName) {
    }

    record DealerPage(List<Summary> dealers, int page, int totalPages, long totalElements) {
    }

    record DealerView(Summary dealer, Map<Integer, BigDecimal> targets, List<LineView> lines) {
    }
}
