package com.bonusdesk.simulations;

import java.time.LocalDate;
import java.util.List;

/**
 * What a simulation found, as its page shows it and {@code GET /api/v1/simulations/{id}} returns it: amounts as
 * decimal strings. {@code baseline} is what the versions in force made of the same facts; {@code total} what the
 * simulated version makes of them.
 */
public record SimulationResult(String plan, int version, LocalDate from, LocalDate to, String total,
        String baseline, String difference, List<Row> byRule, List<Row> byMonth, List<Row> byTeam, List<Change> changes,
        List<Change> people, int gainers, int losers, String collected, String shareBaseline, String share,
        String budgetPeriod, String budgetNeeded, List<String> coveredPlans) {

    public SimulationResult {
        byRule = List.copyOf(byRule);
        byMonth = List.copyOf(byMonth);
        byTeam = List.copyOf(byTeam);
        changes = List.copyOf(changes);
        people = List.copyOf(people);
        coveredPlans = List.copyOf(coveredPlans);
    }

    /** What the simulated version makes of {@code rule}; zero when the rule earned nothing. */
    public String ruleTotal(String rule) {
        return totalOf(byRule, rule);
    }

    /** What the simulated version makes of {@code month} ({@code yyyy-MM}); zero when it earned nothing. */
    public String monthTotal(String month) {
        return totalOf(byMonth, month);
    }

    private static String totalOf(List<Row> rows, String key) {
        return rows.stream().filter(row -> row.key().equals(key)).map(Row::total).findFirst().orElse("0.00");
    }

    /** A rule's, month's or team's (department's) amount under the versions in force and under the simulated version. */
    public record Row(String key, String baseline, String total) {
    }

    /** One payee's amount before (the versions in force) and after (the simulated version). */
    public record Change(long personId, String person, String before, String after, String difference) {
    }
}
