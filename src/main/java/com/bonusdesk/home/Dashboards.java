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
     * The figures of {@code me}'s home page; {@code from} and {@code to} choose the months of a manager's team
     * earnings and of a director's company figures, {@code team} the director's team (each refused when it makes
     * no sense); other roles' figures have no choice.
     */
    public Dashboard of(PersonPrincipal me, Locale locale, YearMonth from, YearMonth to, Long team) {
        YearMonth thisMonth = YearMonth.now(clock);
        boolean leads = me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR);
        return new Dashboard(
                me.hasRole(Role.SALES) ? salesperson.of(me.getId(), locale) : null,
                leads ? manager.of(me.getId(), DashboardPeriod.of(from, to, null, thisMonth, ManagerDashboard.MONTHS))
                        : null,
                me.hasRole(Role.FINANCE) ? finance.of(locale) : null,
                me.hasRole(Role.HR) ? hr.of(me.getId()) : null,
                me.hasRole(Role.DIRECTOR)
                        ? director.of(DashboardPeriod.of(from, to, team, thisMonth, DirectorDashboard.MONTHS)) : null);
    }
}
