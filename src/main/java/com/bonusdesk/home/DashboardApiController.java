package com.bonusdesk.home;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;

/**
 * The figures of the caller's own home page, as its charts draw them: at {@code /api/v1/me/dashboard} for
 * programs (a token or HTTP Basic) and at {@code /dashboard/figures} for the page's own charts (the session).
 */
@RestController
@RequiredArgsConstructor
class DashboardApiController {

    private final SalespersonDashboard salesperson;
    private final ManagerDashboard manager;
    private final FinanceDashboard finance;
    private final HrDashboard hr;

    @GetMapping({"/api/v1/me/dashboard", "/dashboard/figures"})
    Map<String, Object> figures(@AuthenticationPrincipal PersonPrincipal me, Locale locale) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (me.hasRole(Role.SALES)) {
            SalespersonFigures mine = salesperson.of(me.getId(), locale);
            figures.put("months", mine.months());
            figures.put("earnedByMonth", mine.earnedByMonth());
            figures.put("paidByMonth", mine.paidByMonth());
            figures.put("tierProgress", mine.tierProgress());
            figures.put("inProgress", mine.inProgress());
        }
        if (me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR)) {
            ManagerFigures team = manager.of(me.getId());
            figures.put("teamWaiting", team.teamWaiting());
            figures.put("teamMonths", team.months());
            figures.put("teamEarnings", team.teamEarnings());
            figures.put("decisionTimes", team.decisionTimes());
        }
        if (me.hasRole(Role.HR)) {
            HrFigures referrals = hr.of(me.getId());
            figures.put("referralQueue", referrals.referralQueue());
            figures.put("decisionMonths", referrals.months());
            figures.put("referralDecisions", referrals.decisions());
        }
        if (me.hasRole(Role.FINANCE)) {
            FinanceFigures money = finance.of(locale);
            figures.put("budgets", money.budgets());
            figures.put("runs", money.runs());
        }
        return figures;
    }
}
