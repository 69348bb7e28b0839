package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What finance's home page shows, as its charts draw it and {@code GET /api/v1/me/dashboard} returns it: amounts
 * as decimal strings.
 */
public record FinanceFigures(List<Budget> budgets, List<Run> runs, NextRun nextRun, MoneyAwaited moneyAwaited) {

    public FinanceFigures {
        budgets = List.copyOf(budgets);
        runs = List.copyOf(runs);
    }

    /**
     * A plan's budget for the current period: spent so far by the period's runs, and where the period ends at
     * today's pace.
     */
    public record Budget(String plan, String planName, String period, LocalDate from, LocalDate to, String budget,
            String spent, String projected, boolean projectedOver) {

        public BigDecimal budgetAmount() {
            return new BigDecimal(budget);
        }

        public BigDecimal spentAmount() {
            return new BigDecimal(spent);
        }

        public BigDecimal projectedAmount() {
            return new BigDecimal(projected);
        }
    }

    /** A weekly run and what it pays. */
    public record Run(long id, LocalDate weekEnding, String status, String total, String link) {

        public BigDecimal totalAmount() {
            return new BigDecimal(total);
        }
    }

    /** What the next weekly run would hold if built now, per rule and in all (before payees' netting). */
    public record NextRun(LocalDate weekEnding, long lines, long payees, String total, List<RuleAmount> byRule) {

        public NextRun {
            byRule = List.copyOf(byRule);
        }

        public BigDecimal totalAmount() {
            return new BigDecimal(total);
        }
    }

    /** What one rule adds up to, with the rule's name. */
    public record RuleAmount(String rule, String ruleName, String amount) {

        public BigDecimal value() {
            return new BigDecimal(amount);
        }
    }

    /**
     * Approved claims whose order is not yet paid in full while its collection window is open: how many, what is
     * still to come in, and the ones whose window closes soonest.
     */
    public record MoneyAwaited(long claims, String collected, String outstanding, List<ClaimAwaiting> soonest) {

        public MoneyAwaited {
            soonest = List.copyOf(soonest);
        }

        public BigDecimal collectedAmount() {
            return new BigDecimal(collected);
        }

        public BigDecimal outstandingAmount() {
            return new BigDecimal(outstanding);
        }
    }

    /** One approved claim waiting for money: its order, what came in so far, the last day money counts. */
    public record ClaimAwaiting(long claimId, String client, String orderNumber, LocalDate orderDate,
            String orderAmount, String collected, LocalDate windowEnds, String link) {

        public BigDecimal orderAmountValue() {
            return new BigDecimal(orderAmount);
        }

        public BigDecimal collectedAmount() {
            return new BigDecimal(collected);
        }
    }
}
