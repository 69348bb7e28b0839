package com.bonusdesk.home;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a director's home page shows, as its charts draw it and {@code GET /api/v1/me/dashboard} returns it, for
 * the period and team chosen: amounts as decimal strings, months as {@code yyyy-MM}.
 */
public record DirectorFigures(DashboardPeriod period, List<Team> teams, List<String> months,
        List<CostShare> costShare, List<NewClients> newClients, Funnel funnel, List<Ranked> ranking) {

    public DirectorFigures {
        teams = List.copyOf(teams);
        months = List.copyOf(months);
        costShare = List.copyOf(costShare);
        newClients = List.copyOf(newClients);
        ranking = List.copyOf(ranking);
    }

    /** A team to narrow the figures to: a manager and their reporting line. */
    public record Team(long managerId, String manager) {
    }

    /**
     * One month's incentive cost (every line earned in it) against the money collected in it, and the cost as a
     * percentage of it; no share when nothing was collected.
     */
    public record CostShare(String month, String cost, String collected, String sharePercent) {

        public BigDecimal costAmount() {
            return new BigDecimal(cost);
        }

        public BigDecimal collectedAmount() {
            return new BigDecimal(collected);
        }
    }

    /** The distinct clients of approved new-client claims whose order fell in the month. */
    public record NewClients(String month, long clients) {
    }

    /** The customer referrals first visited in the period, and how far they went. */
    public record Funnel(long registered, long dealsSigned, long rewardsApproved, long rewardsPaid) {
    }

    /** A salesperson's place by what they earned in the period; ties share the place. */
    public record Ranked(int rank, long personId, String person, String amount) {

        public BigDecimal earned() {
            return new BigDecimal(amount);
        }
    }
}
