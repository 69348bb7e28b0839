package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.PlausibleDate;
import com.bonusdesk.workflow.Chain;

/** Administrators see every plan's versions at {@code /admin/plans}, draft a new version, and publish it. */
@Controller
@RequestMapping("/admin/plans")
@RequiredArgsConstructor
class PlanAdminController {

    /**
     * The plans whose items someone always decides (claims, referrals): their chain's first step covers every
     * amount. The others pay computed money, payable without approval below their chain's first threshold.
     */
    private static final java.util.Set<PlanKind> DECIDED_ITEMS = java.util.EnumSet.of(PlanKind.NEW_CLIENT,
            PlanKind.SALES_REFERRAL, PlanKind.CUSTOMER_REFERRAL);

    private final PlanCatalogue catalogue;
    private final PlanAdministration administration;
    private final ExplanationText text;
    private final Clock clock;

    @GetMapping
    String overview(Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<PlanKind, List<StoredPlanVersion>> histories = new EnumMap<>(PlanKind.class);
        Map<PlanKind, Integer> inForce = new EnumMap<>(PlanKind.class);
        for (PlanKind kind : PlanKind.values()) {
            histories.put(kind, catalogue.history(kind));
            catalogue.inForce(kind, kind.rulesType(), today).ifPresent(version -> inForce.put(kind, version.number()));
        }
        model.addAttribute("histories", histories);
        model.addAttribute("inForce", inForce);
        return "plans/admin-overview";
    }

    @PostMapping("/{kind}/draft")
    String draft(@PathVariable PlanKind kind, Principal principal) {
        return "redirect:/admin/plans/versions/" + administration.draft(kind, principal.getName()).getId();
    }

    @GetMapping("/versions/{id}")
    String version(@PathVariable long id, Model model) {
        StoredPlanVersion stored = find(id);
        ParameterFields.Layout layout = ParameterFields.of(catalogue.rulesOf(stored));
        return show(stored, PlanDraftForm.of(stored, layout.values(), catalogue.chainOf(stored)), layout, Map.of(),
                model);
    }

    @PostMapping("/versions/{id}")
    String save(@PathVariable long id, @ModelAttribute("draft") PlanDraftForm form, BindingResult binding,
            Principal principal, Locale locale, Model model, RedirectAttributes redirect) {
        StoredPlanVersion stored = find(id);
        if (!stored.isDraft()) {
            throw new Refusal.WrongState("plan.readOnly");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        PlanRules rules = null;
        try {
            rules = ParameterFields.parse(stored.getKind(), form.getValues());
        } catch (ParameterFields.Problems problems) {
            problems.byField().forEach((field, problem) -> errors.put(field, text.of(problem, locale)));
        }
        if (binding.hasFieldErrors("validFrom") || !plausible(form.getValidFrom())) {
            errors.put("validFrom", text.of(Explanation.of("date.plausible"), locale));
        } else if (form.getValidFrom() == null) {
            errors.put("validFrom", text.of(Explanation.of("plan.invalid.required"), locale));
        }
        if (binding.hasFieldErrors("validTo") || !plausible(form.getValidTo())) {
            errors.put("validTo", text.of(Explanation.of("date.plausible"), locale));
        } else if (form.getValidTo() != null && form.getValidFrom() != null
                && form.getValidTo().isBefore(form.getValidFrom())) {
            errors.put("validTo", text.of(Explanation.of("plan.invalid.endBeforeStart"), locale));
        }
        Chain chain = catalogue.chainOf(stored).orElse(null);
        if (chain != null && form.getChainApprover() != null) {
            ChainFields.Parsed parsed = ChainFields.parse(form.getChainApprover(),
                    form.getChainAbove() == null ? List.of() : form.getChainAbove(),
                    DECIDED_ITEMS.contains(stored.getKind()));
            parsed.problems().forEach((field, problem) -> errors.put(field, text.of(problem, locale)));
            chain = parsed.chain();
        }
        BigDecimal budget = amount(form.getBudgetAmount(), "budgetAmount", errors, locale);
        if (budget != null && form.getBudgetPeriod() == null) {
            errors.put("budgetPeriod", text.of(Explanation.of("plan.invalid.budgetPeriod"), locale));
        }
        if (!errors.isEmpty()) {
            if (form.getChainApprover() == null) {
                catalogue.chainOf(stored).ifPresent(form::showChain);
            }
            return show(stored, form, ParameterFields.of(catalogue.rulesOf(stored)), errors, model);
        }
        administration.save(id, form.getVersion(), form.getValidFrom(), form.getValidTo(), rules, chain, budget,
                budget == null ? null : form.getBudgetPeriod(), principal.getName());
        redirect.addFlashAttribute("success", "plan.saved");
        return "redirect:/admin/plans/versions/" + id;
    }

    @PostMapping("/versions/{id}/publish")
    String publish(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        administration.publish(id, principal.getName());
        redirect.addFlashAttribute("success", "plan.published");
        return "redirect:/admin/plans/versions/" + id;
    }

    @PostMapping("/versions/{id}/discard")
    String discard(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        administration.discard(id, principal.getName());
        redirect.addFlashAttribute("success", "plan.discarded");
        return "redirect:/admin/plans";
    }

    private String show(StoredPlanVersion stored, PlanDraftForm form, ParameterFields.Layout layout,
            Map<String, String> errors, Model model) {
        model.addAttribute("stored", stored);
        model.addAttribute("draft", form);
        model.addAttribute("fields", layout.fields());
        model.addAttribute("errors", errors);
        model.addAttribute("periods", StoredPlanVersion.BudgetPeriod.values());
        model.addAttribute("approvers", Chain.Approver.choices().stream().map(Chain.Approver::code).toList());
        model.addAttribute("chainRows", form.chainRows());
        model.addAttribute("history", catalogue.history(stored.getKind()));
        return "plans/admin-version";
    }

    private BigDecimal amount(String value, String field, Map<String, String> errors, Locale locale) {
        String typed = value == null ? "" : value.strip().replace(",", "");
        if (typed.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(typed);
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
                    || amount.compareTo(com.bonusdesk.calculation.Money.MAX) > 0) {
                errors.put(field, text.of(Explanation.of("plan.invalid.amount"), locale));
                return null;
            }
            return com.bonusdesk.calculation.Money.cents(amount);
        } catch (NumberFormatException e) {
            errors.put(field, text.of(Explanation.of("plan.invalid.number"), locale));
            return null;
        }
    }

    private static boolean plausible(LocalDate date) {
        return date == null || (!date.isBefore(PlausibleDate.EARLIEST) && !date.isAfter(PlausibleDate.LATEST));
    }

    private StoredPlanVersion find(long id) {
        return catalogue.find(id).orElseThrow(Refusal.NotFound::new);
    }
}
