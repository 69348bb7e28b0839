package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What finance's home page shows, as its charts draw it and {@code GET /api/v1/me/dashboard} returns it: amounts
 * as decimal strings.
 */
public record FinanceFigures(List<Budget> budgets, List<Run> runs) {

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
}
