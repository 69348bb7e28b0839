package com.bonusdesk.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanVersion;
import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.workflow.Chain;

/**
 * {@code /plans}: every plan in force today, in plain words with its numbers and who approves what it pays, for
 * everyone it pays.
 */
@Controller
@RequiredArgsConstructor
class RulesPageController {

    private final PlanCatalogue catalogue;
    private final Clock clock;

    @GetMapping("/plans")
    String rules(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<PlanVersion<?>> inForce = new ArrayList<>();
        Map<PlanKind, Chain> chains = new EnumMap<>(PlanKind.class);
        for (PlanKind kind : PlanKind.values()) {
            catalogue.inForce(kind, kind.rulesType(), today).ifPresent(inForce::add);
            catalogue.approvalChainOn(kind, today).ifPresent(chain -> chains.put(kind, chain));
        }
        model.addAttribute("plans", inForce);
        model.addAttribute("chains", chains);
        model.addAttribute("today", today);
        model.addAttribute("propertyTypes", PropertyType.values());
        return "plans/rules";
    }
}
