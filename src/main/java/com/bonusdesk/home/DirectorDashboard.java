package com.bonusdesk.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.claims.ClaimFigures;
import com.bonusdesk.customerreferrals.CustomerReferralFunnel;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonCard;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;

/**
 * A director's picture of the company, or of one manager's team, over a chosen period, computed from the ledger,
 * the claims, the collections and the customer referrals each time: what incentives cost against the money
 * collected, new clients won, how far customer referrals go, and who earned most.
 */
@Service
@RequiredArgsConstructor
public class DirectorDashboard {

    /** The months shown without a choice: the last twelve. */
    static final int MONTHS = 12;

    static final int RANKED = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Ledger ledger;
    private final ClaimFigures claims;
    private final CustomerReferralFunnel customerReferrals;
    private final PersonService people;

    @Transactional(readOnly = true)
    public DirectorFigures of(DashboardPeriod period) {
        List<Long> managers = people.activeIdsWithRole(Role.MANAGER);
        if (period.team() != null && !managers.contains(period.team())) {
            throw new Refusal.InvalidInput("team", "dashboard.period.notATeam");
        }
        Set<Long> team = period.team() == null ? null : people.reportingLineOf(period.team());
        List<Long> salespeople = people.activeIdsWithRole(Role.SALES).stream()
                .filter(id -> team == null || team.contains(id)).toList();
        List<Ledger.PayeeAmount> top = ledger.topEarners(salespeople, period.firstDay(), period.lastDay(), RANKED);
        List<Long> named = new ArrayList<>(managers);
        top.forEach(earner -> named.add(earner.payeeId()));
        Map<Long, PersonCard> cards = people.cards(named);

        List<DirectorFigures.Team> teams = managers.stream()
                .map(id -> new DirectorFigures.Team(id, ManagerDashboard.name(cards, id)))
                .sorted(Comparator.comparing(DirectorFigures.Team::manager)).toList();
        List<String> months = period.months();
        Map<String, BigDecimal> cost = ledger.totalsByMonth(team, period.firstDay(), period.lastDay()).stream()
                .collect(Collectors.toMap(Ledger.MonthAmount::month, Ledger.MonthAmount::amount));
        Map<String, BigDecimal> collected = claims.collectedByMonth(team, period.firstDay(), period.lastDay()).stream()
                .collect(Collectors.toMap(ClaimFigures.MonthAmount::month, ClaimFigures.MonthAmount::amount));
        Map<String, Long> won = claims.newClientsByMonth(team, period.firstDay(), period.lastDay()).stream()
                .collect(Collectors.toMap(ClaimFigures.MonthCount::month, ClaimFigures.MonthCount::count));
        CustomerReferralFunnel.Stages stages = customerReferrals.of(team, period.firstDay(), period.lastDay());

        return new DirectorFigures(period, teams, months,
                months.stream().map(month -> costShare(month, cost.getOrDefault(month, Money.ZERO),
                        collected.getOrDefault(month, Money.ZERO))).toList(),
                months.stream().map(month -> new DirectorFigures.NewClients(month, won.getOrDefault(month, 0L)))
                        .toList(),
                new DirectorFigures.Funnel(stages.registered(), stages.dealsSigned(), stages.rewardsApproved(),
                        stages.rewardsPaid()),
                ranked(top, id -> ManagerDashboard.name(cards, id)));
    }

    private static DirectorFigures.CostShare costShare(String month, BigDecimal cost, BigDecimal collected) {
        String share = collected.signum() > 0
                ? cost.multiply(HUNDRED).divide(collected, 1, RoundingMode.HALF_UP).toPlainString() : null;
        return new DirectorFigures.CostShare(month, cost.toPlainString(), collected.toPlainString(), share);
    }

    /** Places as a ranking gives them: equal amounts share a place, and the next place skips (1, 2, 2, 4). */
    static List<DirectorFigures.Ranked> ranked(List<Ledger.PayeeAmount> top, Function<Long, String> names) {
        List<DirectorFigures.Ranked> ranked = new ArrayList<>();
        for (int index = 0; index < top.size(); index++) {
            Ledger.PayeeAmount earner = top.get(index);
            int rank = index > 0 && earner.amount().compareTo(top.get(index - 1).amount()) == 0
                    ? ranked.get(index - 1).rank() : index + 1;
            ranked.add(new DirectorFigures.Ranked(rank, earner.payeeId(), names.apply(earner.payeeId()),
                    earner.amount().toPlainString()));
        }
        return ranked;
    }
}
