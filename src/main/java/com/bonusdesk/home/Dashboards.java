package com.bonusdesk.home;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;

/** Which pictures a person's home page holds, by their roles: the one place that decides it. */
@Service
@RequiredArgsConstructor
public class Dashboards {

    private final SalespersonDashboard salesperson;
    private final ManagerDashboard manager;
    private final FinanceDashboard finance;
    private final HrDashboard hr;
    private final DirectorDashboard director;
    private final Clock clock;

    /**
     * The figures of {@code me}'s home page; {@code from}, {@code to} and {@code team} choose the director's period
     * and team (refused when they make no sense) and are ignored for every other role.
     */
    public Dashboard of(PersonPrincipal me, Locale locale, YearMonth from, YearMonth to, Long team) {
        return new Dashboard(
                me.hasRole(Role.SALES) ? salesperson.of(me.getId(), locale) : null,
                me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR) ? manager.of(me.getId()) : null,
                me.hasRole(Role.FINANCE) ? finance.of(locale) : null,
                me.hasRole(Role.HR) ? hr.of(me.getId()) : null,
                me.hasRole(Role.DIRECTOR)
                        ? director.of(DashboardPeriod.of(from, to, team, YearMonth.now(clock))) : null);
    }
}
