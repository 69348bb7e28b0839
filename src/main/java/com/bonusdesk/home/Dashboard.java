package com.bonusdesk.home;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person's home page figures: a part for each of their roles that has a picture, none for the others. The page
 * draws its charts from {@link #figures()}, the same map {@code GET /api/v1/me/dashboard} returns.
 */
public record Dashboard(SalespersonFigures sales, ManagerFigures team, FinanceFigures money, HrFigures referralDesk,
        DirectorFigures director) {

    public boolean any() {
        return sales != null || team != null || money != null || referralDesk != null || director != null;
    }

    /** The figures by name, as the charts read them and the API returns them. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (sales != null) {
            figures.put("months", sales.months());
            figures.put("earnedByMonth", sales.earnedByMonth());
            figures.put("paidByMonth", sales.paidByMonth());
            figures.put("tierProgress", sales.tierProgress());
            figures.put("inProgress", sales.inProgress());
            figures.put("referralDeadlines", sales.referralDeadlines());
        }
        if (team != null) {
            figures.put("teamWaiting", team.teamWaiting());
            figures.put("teamMonths", team.months());
            figures.put("teamEarnings", team.teamEarnings());
            figures.put("decisionTimes", team.decisionTimes());
        }
        if (referralDesk != null) {
            figures.put("referralQueue", referralDesk.referralQueue());
            figures.put("decisionMonths", referralDesk.months());
            figures.put("referralDecisions", referralDesk.decisions());
        }
        if (money != null) {
            figures.put("budgets", money.budgets());
            figures.put("runs", money.runs());
            figures.put("nextRun", money.nextRun());
            figures.put("moneyAwaited", money.moneyAwaited());
        }
        if (director != null) {
            figures.put("period", director.period());
            figures.put("teams", director.teams());
            figures.put("companyMonths", director.months());
            figures.put("costShare", director.costShare());
            figures.put("newClients", director.newClients());
            figures.put("customerReferralFunnel", director.funnel());
            figures.put("ranking", director.ranking());
        }
        return figures;
    }
}
