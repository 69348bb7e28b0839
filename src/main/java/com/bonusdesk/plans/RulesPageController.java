package com.bonusdesk.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanVersion;
import com.bonusdesk.calculation.PropertyType;

/** {@code /plans}: every plan in force today, in plain words with its numbers, for everyone it pays. */
@Controller
@RequiredArgsConstructor
class RulesPageController {

    private final PlanCatalogue catalogue;
    private final Clock clock;

    @GetMapping("/plans")
    String rules(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<PlanVersion<?>> inForce = new ArrayList<>();
        for (PlanKind kind : PlanKind.values()) {
            catalogue.inForce(kind, kind.rulesType(), today).ifPresent(inForce::add);
        }
        model.addAttribute("plans", inForce);
        model.addAttribute("today", today);
        model.addAttribute("propertyTypes", PropertyType.values());
        return "plans/rules";
    }
}
