package com.bonusdesk.audit;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.bonusdesk.web.Pages;

/** Administrators read the audit trail at {@code /admin/audit}, newest first. */
@Controller
@RequiredArgsConstructor
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    @GetMapping("/admin/audit")
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", trail.search(query,
                PageRequest.of(Pages.index(page), PAGE_SIZE, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")))));
        model.addAttribute("q", query == null ? "" : query.strip());
        return "audit/list";
    }
}
